// Roster import on PostgreSQL: all rows or none, re-import updates instead of duplicating, and two
// imports into one cohort at once create each person once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRosterImport } from "@/lib/roster/import";
import { planRosterImport } from "@/lib/roster/plan";
import { ROSTER_HEADERS, validateRoster, type RosterRow } from "@/lib/roster/validate";
import { testOrganisationId } from "../support/organisations";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

const actor = { id: "trainer-actor", name: "培训师" };
const rowsOf = (body: string[][]): RosterRow[] => {
  const check = validateRoster([[...ROSTER_HEADERS], ...body]);
  if (!check.ok) throw new Error(check.code);
  return check.rows;
};

describe.skipIf(noPostgres)(`roster import on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let t: PostgresTestDb;
  let cohort = { id: "", organisationId: "" };

  beforeAll(async () => {
    t = await createPostgresTestDb(12);
    const organisationId = await testOrganisationId(t.db, "PAB");
    const trainer = await t.db.user.create({
      data: { email: "t@r.cn", name: "培训师", passwordHash: "x", role: "TRAINER" },
      select: { id: true },
    });
    const c = await t.db.cohort.create({
      data: { name: "名单班", inviteCode: "ROST0001", trainerId: trainer.id, organisationId },
      select: { id: true },
    });
    cohort = { id: c.id, organisationId };
  });
  afterAll(() => t?.close());

  const members = () => t.db.cohortMember.count({ where: { cohortId: cohort.id } });

  it("imports nothing when any row has a problem", async () => {
    const r = await applyRosterImport(
      t.db,
      actor,
      cohort,
      rowsOf([
        ["王敏", "1001", "", "", "", "", ""],
        ["", "1002", "", "", "", "", ""],
      ]),
    );
    expect(r.ok).toBe(false);
    expect(await members()).toBe(0);
    expect(await t.db.user.count({ where: { organisationId: cohort.organisationId } })).toBe(0);
  });

  it("creates, then updates on re-import (matched by 工号 or 手机) without duplicating", async () => {
    const first = await applyRosterImport(
      t.db,
      actor,
      cohort,
      rowsOf([
        ["王敏", "1001", "13800138000", "", "上海分行", "信用卡部", "客户经理"],
        ["李雷", "1002", "13900139000", "li@pab.cn", "杭州分行", "", ""],
      ]),
    );
    expect(first).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0 });
    const again = await applyRosterImport(
      t.db,
      actor,
      cohort,
      rowsOf([
        ["王敏", "1001", "13800138000", "", "南京分行", "信用卡部", "团队负责人"],
        ["李雷", "", "13900139000", "", "杭州分行", "零售部", ""],
        ["韩梅", "1003", "", "", "", "", ""],
      ]),
    );
    expect(again).toEqual({ ok: true, created: 1, updated: 2, unchanged: 0 });
    expect(await members()).toBe(3);
    const wang = await t.db.user.findFirstOrThrow({
      where: { employeeNo: "1001" },
      select: { branch: true, position: true },
    });
    expect(wang).toEqual({ branch: "南京分行", position: "团队负责人" });
    // An empty 邮箱 cell on re-import keeps the stored email.
    const li = await t.db.user.findFirstOrThrow({ where: { mobile: "13900139000" }, select: { email: true } });
    expect(li.email).toBe("li@pab.cn");
    expect(await t.db.auditEvent.count({ where: { action: "ROSTER_IMPORT", target: cohort.id } })).toBe(2);
  });

  it("refuses a row whose 工号 and 手机 belong to two different people", async () => {
    const r = await applyRosterImport(t.db, actor, cohort, rowsOf([["混合", "1001", "13900139000", "", "", "", ""]]));
    expect(r.ok === false && r.code === "HAS_PROBLEMS" && r.plan.rows[0]!.problems).toEqual([
      { field: "mobile", code: "MATCHES_TWO_PEOPLE" },
    ]);
  });

  it("refuses a confirmed preview that another import has made stale, and imports a fresh one", async () => {
    const rows = rowsOf([
      ["赵六", "3001", "", "", "苏州分行", "", ""],
      ["钱七", "3002", "", "", "苏州分行", "", ""],
    ]);
    const seen = await planRosterImport(t.db, cohort, rows);
    expect(seen.rows.map((r) => r.action)).toEqual(["create", "create"]);
    // Another trainer imports one of the same people in between.
    await applyRosterImport(
      t.db,
      { ...actor, name: "另一位培训师" },
      cohort,
      rowsOf([["赵六", "3001", "", "", "", "", ""]]),
    );
    const stale = await applyRosterImport(t.db, actor, cohort, rows, seen.fingerprint);
    expect(stale.ok === false && stale.code).toBe("STALE");
    expect(stale.ok === false && stale.code === "STALE" && stale.plan.rows.map((r) => [r.action, r.changes])).toEqual([
      ["update", [{ field: "branch", from: "" }]],
      ["create", []],
    ]);
    expect(await t.db.user.count({ where: { employeeNo: "3002" } })).toBe(0);
    const fresh = await planRosterImport(t.db, cohort, rows);
    expect(await applyRosterImport(t.db, actor, cohort, rows, fresh.fingerprint)).toEqual({
      ok: true,
      created: 1,
      updated: 1,
      unchanged: 0,
    });
  });

  it("two imports of the same people at once create each person once", async () => {
    const body = Array.from({ length: 40 }, (_, i) => [
      `学员${i}`,
      `2${String(i).padStart(3, "0")}`,
      "",
      "",
      "",
      "",
      "",
    ]);
    const results = await Promise.all([
      applyRosterImport(t.db, actor, cohort, rowsOf(body)),
      applyRosterImport(t.db, { ...actor, name: "另一位培训师" }, cohort, rowsOf(body)),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    // Whichever ran second found everyone already there, unchanged.
    expect(results.map((r) => r.ok && [r.created, r.unchanged]).sort()).toEqual([
      [0, 40],
      [40, 0],
    ]);
    expect(await t.db.user.count({ where: { employeeNo: { startsWith: "2" } } })).toBe(40);
    expect(await members()).toBe(45);
  });
});
