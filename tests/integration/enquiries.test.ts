// Enquiries on a real database and a real SMTP server on loopback (smtp-server): storing,
// duplicates, the per-IP limit, erasure and purge, and notifications that survive an SMTP outage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eraseEnquiry,
  followUpEnquiry,
  getEnquiry,
  listEnquiries,
  purgeExpiredEnquiries,
  submitEnquiry,
} from "@/lib/enquiries/enquiries";
import { drainNotifications, smtpMailer } from "@/lib/enquiries/notify";
import { enquirySchema } from "@/lib/enquiries/schema";
import { createTestDb, type TestDb } from "../support/test-db";
import { decodeBody, startSmtp } from "../support/smtp-server";

const input = (over: Record<string, string> = {}) =>
  enquirySchema.parse({
    name: "王敏",
    organisation: "示例银行信用卡中心",
    phone: "139 1234 5678",
    email: "wang.min@bank.cn",
    message: "想了解内训方案",
    interest: "inhouse",
    trainees: "60",
    consent: "on",
    ...over,
  });

describe("enquiries", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.close());

  it("stores the enquiry with its consent record, first status and a pending notification", async () => {
    const r = await submitEnquiry(t.db, input(), { ip: "203.0.113.1", notify: true });
    expect(r).toMatchObject({ ok: true, duplicate: false });
    const e = await getEnquiry(t.db, (r as { id: string }).id);
    expect(e).toMatchObject({
      name: "王敏",
      phone: "13912345678",
      status: "NEW",
      trainees: 60,
      notification: { state: "PENDING" },
    });
    expect(e!.consentAt).toBeInstanceOf(Date);
    expect(e!.noticeVersion).toBe("2026-11-v1");
    expect(e!.changes).toMatchObject([{ fromStatus: null, toStatus: "NEW" }]);
  });

  it("counts a repeat within a minute once, and refuses the sixth new enquiry from one address in an hour", async () => {
    const ip = "203.0.113.2";
    const now = new Date("2026-11-23T02:00:00Z");
    const first = await submitEnquiry(t.db, input({ message: "第 1 条" }), { ip, notify: false, now });
    const again = await submitEnquiry(t.db, input({ message: "第 1 条" }), {
      ip,
      notify: false,
      now: new Date(now.getTime() + 30_000),
    });
    expect(again).toEqual({ ok: true, id: (first as { id: string }).id, duplicate: true });
    // Concurrent double submit: still one.
    const both = await Promise.all(
      [2, 2].map((n) =>
        submitEnquiry(t.db, input({ message: `第 ${n} 条` }), {
          ip,
          notify: false,
          now: new Date(now.getTime() + 40_000),
        }),
      ),
    );
    expect(new Set(both.map((b) => (b as { id: string }).id)).size).toBe(1);
    for (let n = 3; n <= 5; n++)
      expect(
        await submitEnquiry(t.db, input({ message: `第 ${n} 条` }), {
          ip,
          notify: false,
          now: new Date(now.getTime() + 50_000),
        }),
      ).toMatchObject({ ok: true, duplicate: false });
    const before = await t.db.enquiry.count();
    const sixth = await submitEnquiry(t.db, input({ message: "第 6 条" }), {
      ip,
      notify: false,
      now: new Date(now.getTime() + 60_000),
      contact: "培训部 010-1234 5678",
    });
    expect(sixth).toEqual({ ok: false, status: 429, message: expect.stringContaining("培训部 010-1234 5678") });
    expect(await t.db.enquiry.count()).toBe(before);
    // Another address is not affected; an hour later this one may send again.
    expect(
      await submitEnquiry(t.db, input({ message: "第 6 条" }), {
        ip: "203.0.113.3",
        notify: false,
        now: new Date(now.getTime() + 60_000),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await submitEnquiry(t.db, input({ message: "第 7 条" }), {
        ip,
        notify: false,
        now: new Date(now.getTime() + 3_700_000),
      }),
    ).toMatchObject({ ok: true });
  });

  it("follow-up records who changed the status and keeps notes; erasure removes personal data but keeps the count", async () => {
    const r = (await submitEnquiry(t.db, input({ name: "赵六", message: "请联系我" }), {
      ip: "203.0.113.4",
      notify: true,
    })) as { id: string };
    expect(await followUpEnquiry(t.db, "培训师 李强", r.id, { seenStatus: "NEW", status: "NEW" })).toEqual({
      ok: false,
      code: "NOTHING_TO_SAVE",
    });
    expect(
      await followUpEnquiry(t.db, "培训师 李强", r.id, {
        seenStatus: "NEW",
        status: "CONTACTED",
        note: "已电话联系,下周发方案",
      }),
    ).toEqual({ ok: true, status: "CONTACTED", statusChanged: true, noteAdded: true });
    const e = await getEnquiry(t.db, r.id);
    expect(e!.status).toBe("CONTACTED");
    expect(e!.changes[0]).toMatchObject({ fromStatus: "NEW", toStatus: "CONTACTED", byName: "培训师 李强" });
    expect(e!.notes[0]).toMatchObject({ body: "已电话联系,下周发方案", authorName: "培训师 李强" });

    const countBefore = (await listEnquiries(t.db, { status: "ALL", q: "", page: 1 })).byStatus.CONTACTED;
    const trainer = { id: "trainer-audit-test", name: "培训师 李强" };
    expect(await eraseEnquiry(t.db, r.id, trainer)).toBe(true);
    expect(
      await t.db.auditEvent.findMany({
        where: { action: "ENQUIRY_ERASE", target: r.id },
        select: { actorId: true, actorName: true, rows: true },
      }),
    ).toEqual([{ actorId: trainer.id, actorName: trainer.name, rows: 1 }]);
    expect(await eraseEnquiry(t.db, r.id, trainer)).toBe(false); // already erased: no second event
    expect(await t.db.auditEvent.count({ where: { action: "ENQUIRY_ERASE", target: r.id } })).toBe(1);
    const erased = await getEnquiry(t.db, r.id);
    expect(erased).toMatchObject({
      name: "（已删除）",
      organisation: "（已删除）",
      phone: null,
      email: null,
      message: null,
      notes: [],
      status: "CONTACTED",
      notification: { state: "SKIPPED" },
    });
    expect(erased!.erasedAt).toBeInstanceOf(Date);
    const list = await listEnquiries(t.db, { status: "ALL", q: "赵六", page: 1 });
    expect(list.total).toBe(0);
    expect(list.erased).toBeGreaterThanOrEqual(1);
    expect(list.byStatus.CONTACTED).toBe(countBefore - 1);
    expect(await t.db.enquiry.count({ where: { id: r.id } })).toBe(1); // the anonymous row stays
    expect(await followUpEnquiry(t.db, "x", r.id, { seenStatus: "CONTACTED", status: "CLOSED" })).toEqual({
      ok: false,
      code: "ERASED",
    });
  });

  it("a note saved from a page drawn before a colleague's status change adds the note and keeps their status", async () => {
    const r = (await submitEnquiry(t.db, input({ name: "钱七", message: "请联系" }), {
      ip: "203.0.113.9",
      notify: false,
    })) as {
      id: string;
    };
    // Colleague A marks it 已联系; trainer B's page still shows 新 and B only writes a note.
    await followUpEnquiry(t.db, "培训师 甲", r.id, { seenStatus: "NEW", status: "CONTACTED" });
    expect(
      await followUpEnquiry(t.db, "培训师 乙", r.id, { seenStatus: "NEW", status: "NEW", note: "客户要下周方案" }),
    ).toEqual({ ok: true, status: "CONTACTED", statusChanged: false, noteAdded: true });
    const e = await getEnquiry(t.db, r.id);
    expect(e!.status).toBe("CONTACTED");
    expect(e!.changes.filter((c) => c.fromStatus !== null)).toHaveLength(1);
    expect(e!.notes.map((n) => n.body)).toEqual(["客户要下周方案"]);
  });

  it("one form token sends one enquiry: a replay with other content is refused and stores nothing", async () => {
    const meta = { ip: "203.0.113.50", notify: false, tokenId: "tok-once-0123456" };
    const first = await submitEnquiry(t.db, input({ name: "孙八", message: "第一条" }), meta);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    const replay = await submitEnquiry(t.db, input({ name: "孙八", message: "换了内容" }), meta);
    expect(replay).toMatchObject({ ok: false, status: 400 });
    expect(await t.db.enquiry.count({ where: { name: "孙八" } })).toBe(1);
  });

  it("inbox search finds a phone or an email only when given in full (no digit-by-digit recovery)", async () => {
    await submitEnquiry(t.db, input({ name: "周九", phone: "137 0000 2468", email: "zhou.jiu@bank.cn" }), {
      ip: "203.0.113.60",
      notify: false,
    });
    const names = async (q: string) =>
      (await listEnquiries(t.db, { status: "ALL", q, page: 1 })).rows.map((r) => r.name).filter((n) => n === "周九");
    expect(await names("1370000")).toEqual([]);
    expect(await names("2468")).toEqual([]);
    expect(await names("zhou.jiu")).toEqual([]);
    expect(await names("137 0000 2468")).toEqual(["周九"]);
    expect(await names("+86 13700002468")).toEqual(["周九"]);
    expect(await names("Zhou.Jiu@Bank.CN")).toEqual(["周九"]);
  });

  it("purge erases enquiries past the retention period and nothing newer", async () => {
    const now = new Date();
    const old = (await submitEnquiry(t.db, input({ name: "老咨询" }), {
      ip: "203.0.113.5",
      notify: false,
      now: new Date(now.getTime() - 200 * 86_400_000),
    })) as { id: string };
    const recent = (await submitEnquiry(t.db, input({ name: "新咨询" }), {
      ip: "203.0.113.5",
      notify: false,
      now: new Date(now.getTime() - 10 * 86_400_000),
    })) as { id: string };
    const r = await purgeExpiredEnquiries(t.db, 180, now);
    expect(r.erased).toBeGreaterThanOrEqual(1);
    const purges = () =>
      t.db.auditEvent.findMany({
        where: { action: "ENQUIRY_PURGE", createdAt: now },
        select: { actorId: true, rows: true, detail: true },
      });
    expect(await purges()).toEqual([
      { actorId: null, rows: r.erased, detail: expect.stringContaining("保存期限 180 天") },
    ]);
    expect((await getEnquiry(t.db, old.id))!.name).toBe("（已删除）");
    expect((await getEnquiry(t.db, recent.id))!.name).toBe("新咨询");
    expect((await purgeExpiredEnquiries(t.db, 180, now)).erased).toBe(0); // idempotent
    expect(await purges()).toHaveLength(1); // and a purge that erased nothing is not an event
  });

  it("mails the notification through a real SMTP server; with the server down the enquiry is kept and mailed once it is back", async () => {
    const config = {
      to: "sales@training.test",
      from: "培训咨询 <no-reply@training.test>",
      siteUrl: "https://training.test",
    };
    // Only this test's notifications are pending from here on.
    await t.db.enquiryNotification.updateMany({ where: { state: "PENDING" }, data: { state: "SKIPPED" } });
    const smtp = await startSmtp();
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`);
    const a = (await submitEnquiry(t.db, input({ name: "孙七", message: "邮件测试 <b>加粗</b>" }), {
      ip: "203.0.113.6",
      notify: true,
    })) as { id: string };
    expect(await drainNotifications(t.db, mailer, config)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["sales@training.test"]);
    const text = decodeBody(mail.data);
    expect(text).toContain("姓名：孙七");
    expect(text).toContain("手机：13912345678");
    expect(text).toContain("咨询意向：银行内训定制");
    expect(text).toContain("邮件测试 <b>加粗</b>");
    expect(text).toContain(`https://training.test/trainer/enquiries/${a.id}`);
    expect((await getEnquiry(t.db, a.id))!.notification).toMatchObject({ state: "SENT", attempts: 1 });
    expect(await drainNotifications(t.db, mailer, config)).toEqual({ sent: 0, failed: 0 }); // nothing sent twice

    // The SMTP server goes down.
    const port = smtp.port;
    await new Promise<void>((r) => smtp.server.close(() => r()));
    const b = (await submitEnquiry(t.db, input({ name: "周八", message: "服务器宕机时提交" }), {
      ip: "203.0.113.7",
      notify: true,
    })) as { id: string };
    const down = smtpMailer(`smtp://127.0.0.1:${port}`);
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      expect(await drainNotifications(t.db, down, config)).toEqual({ sent: 0, failed: 1 });
    } finally {
      console.error = original;
    }
    expect(errors.join("\n")).toContain(b.id); // logged
    const pending = (await getEnquiry(t.db, b.id))!;
    expect(pending.name).toBe("周八"); // the enquiry itself is safe
    expect(pending.notification).toMatchObject({ state: "PENDING", attempts: 1 });
    expect(pending.notification!.lastError).toBeTruthy();
    // Not retried before its back-off time...
    expect(await drainNotifications(t.db, down, config)).toEqual({ sent: 0, failed: 0 });

    // ...and sent once the server is back and the retry is due.
    const back = await startSmtp(port);
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await drainNotifications(t.db, smtpMailer(`smtp://127.0.0.1:${port}`), config, later)).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(back.received).toHaveLength(1);
    expect(decodeBody(back.received[0]!.data)).toContain("姓名：周八");
    expect((await getEnquiry(t.db, b.id))!.notification).toMatchObject({ state: "SENT", attempts: 2 });
    await new Promise<void>((r) => back.server.close(() => r()));
  });
});
