// The audit trail of personal-data handling, on a real database: viewings counted once per
// window, the admin's list filtered and paged, and an erasure that cannot be recorded not done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_PAGE_SIZE,
  listAuditEvents,
  recordAudit,
  recordEnquiryView,
  VIEW_WINDOW_MS,
} from "@/lib/audit/audit-log";
import { eraseEnquiry, getEnquiry, submitEnquiry } from "@/lib/enquiries/enquiries";
import { enquirySchema } from "@/lib/enquiries/schema";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const alice = { id: "trainer-alice", name: "培训师 张丽" };
const bob = { id: "trainer-bob", name: "培训师 王博" };

describe("audit trail", () => {
  it("records a viewing once per person and enquiry within ten minutes", async () => {
    const start = new Date("2026-11-20T02:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await recordEnquiryView(t.db, alice, "enq-1", start)).toBe(true);
    expect(await recordEnquiryView(t.db, alice, "enq-1", at(60_000))).toBe(false); // a reload
    expect(await recordEnquiryView(t.db, bob, "enq-1", at(60_000))).toBe(true); // someone else
    expect(await recordEnquiryView(t.db, alice, "enq-2", at(60_000))).toBe(true); // another enquiry
    expect(await recordEnquiryView(t.db, alice, "enq-1", at(VIEW_WINDOW_MS + 1))).toBe(true); // later on
    const rows = await t.db.auditEvent.findMany({
      where: { action: "ENQUIRY_VIEW" },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, target: true },
    });
    expect(rows).toEqual([
      { actorId: alice.id, target: "enq-1" },
      { actorId: bob.id, target: "enq-1" },
      { actorId: alice.id, target: "enq-2" },
      { actorId: alice.id, target: "enq-1" },
    ]);
  });

  it("lists newest first, filters by action and by who acted, and pages", async () => {
    const base = new Date("2026-11-21T02:00:00Z").getTime();
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await recordAudit(
        t.db,
        i % 2 ? alice : bob,
        { action: "COHORT_EXPORT", target: "cohort-1", detail: "学习进度;csv", rows: i },
        new Date(base + i * 1000),
      );
    }
    const all = await listAuditEvents(t.db, { action: "COHORT_EXPORT", actor: "", page: 1 });
    expect(all.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(all.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(all.rows[0]!.rows).toBe(AUDIT_PAGE_SIZE + 4); // the newest
    const last = await listAuditEvents(t.db, { action: "COHORT_EXPORT", actor: "", page: 99 });
    expect(last.page).toBe(2);
    expect(last.rows.map((r) => r.rows)).toEqual([4, 3, 2, 1, 0]);
    const byBob = await listAuditEvents(t.db, { action: "COHORT_EXPORT", actor: "王博", page: 1 });
    expect(byBob.total).toBe(Math.ceil((AUDIT_PAGE_SIZE + 5) / 2));
    expect(new Set(byBob.rows.map((r) => r.actorName))).toEqual(new Set([bob.name]));
    const views = await listAuditEvents(t.db, { action: "ENQUIRY_VIEW", actor: "", page: 1 });
    expect(views.total).toBe(4);
  });

  it("never stores the prospect's details, and an erasure that cannot be recorded is not done", async () => {
    const data = enquirySchema.parse({
      name: "周八",
      organisation: "某银行信用卡中心",
      phone: "138 0013 8000",
      consent: "on",
    });
    const r = (await submitEnquiry(t.db, data, { ip: "203.0.113.20", notify: false })) as { id: string };
    // Make the audit write fail (a missing actor name breaks NOT NULL): the erasure goes with it.
    await expect(eraseEnquiry(t.db, r.id, { id: null, name: null as unknown as string })).rejects.toThrow();
    expect((await getEnquiry(t.db, r.id))!.name).toBe("周八"); // rolled back with the audit write
    expect(await eraseEnquiry(t.db, r.id, alice)).toBe(true);
    const everything = JSON.stringify(await t.db.auditEvent.findMany());
    expect(everything).not.toContain("周八");
    expect(everything).not.toContain("13800138000");
  });
});
