// The 结项报告 on PostgreSQL with the demo data (prisma/seed.ts): who may get it (another bank's
// client admin gets neither the cohort's nor the organisation's), its figures against counts taken
// straight from the tables, an organisation's figures as its cohorts' added up, and every section
// filled for the demo cohorts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/organisations/scope";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { saveCertificateWording } from "@/lib/certificates/design";
import { listRevokedHolders, revokeCertificate } from "@/lib/certificates/revoke";
import { MIN_BRANCH_RESPONSES } from "@/lib/reports/figures";
import { CONSULTANCY_NAME } from "@/lib/reports/labels";
import { getCohortReport, getOrganisationReport, type Report } from "@/lib/reports/report";
import { prepareDatabase } from "@/prisma/seed";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

describe.skipIf(noPostgres)("结项报告 (PostgreSQL, demo data)", () => {
  let t: PostgresTestDb;
  const viewers: Record<"trainer" | "client" | "otherClient" | "admin", Viewer> = {} as never;
  const cohorts: Record<string, string> = {};
  let dfb = "";

  beforeAll(async () => {
    t = await createPostgresTestDb();
    await prepareDatabase(t.url, { demo: true });
    const users = await t.db.user.findMany({
      where: { email: { in: ["trainer@demo.local", "client@demo.local", "client2@demo.local", "admin@demo.local"] } },
      select: { id: true, email: true, role: true, organisationId: true },
    });
    const v = (email: string) => users.find((u) => u.email === email)!;
    viewers.trainer = v("trainer@demo.local");
    viewers.client = v("client@demo.local");
    viewers.otherClient = v("client2@demo.local");
    viewers.admin = v("admin@demo.local");
    for (const c of await t.db.cohort.findMany({ select: { id: true, inviteCode: true } }))
      cohorts[c.inviteCode] = c.id;
    dfb = (await t.db.organisation.findUniqueOrThrow({ where: { code: "DFB" }, select: { id: true } })).id;
  }, 300_000);

  afterAll(() => t?.close());

  it("gives another bank's client admin neither the cohort's nor the organisation's report", async () => {
    expect(await getCohortReport(t.db, viewers.otherClient, cohorts.SPRING26!)).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await getOrganisationReport(t.db, viewers.otherClient, dfb)).toEqual({ ok: false, code: "FORBIDDEN" });
    // A made-up id says nothing more than "not yours".
    expect(await getCohortReport(t.db, viewers.admin, "not-a-cohort")).toEqual({ ok: false, code: "FORBIDDEN" });
    const own = await getCohortReport(t.db, viewers.client, cohorts.SPRING26!);
    expect(own.ok && own.report.organisation.name).toBe("东方示范银行");
  }, 120_000);

  it("counts what the tables hold for a demo cohort", async () => {
    const id = cohorts.SPRING26!;
    const r = await getCohortReport(t.db, viewers.trainer, id);
    if (!r.ok) throw new Error("forbidden");
    const { total } = r.report;
    const members = await t.db.cohortMember.findMany({ where: { cohortId: id }, select: { userId: true } });
    const ids = members.map((m) => m.userId);
    const finals = await t.db.attempt.groupBy({
      by: ["userId"],
      where: { userId: { in: ids }, quizId: FINAL_QUIZ_ID, submittedAt: { not: null } },
      _max: { percent: true },
    });
    const passed = await t.db.attempt.findMany({
      where: { userId: { in: ids }, quizId: FINAL_QUIZ_ID, passed: true },
      distinct: ["userId"],
      select: { userId: true },
    });
    const sessions = await t.db.cohortSession.count({ where: { cohortId: id } });
    const attended = await t.db.attendance.count({
      where: { session: { cohortId: id }, userId: { in: ids }, status: { in: ["PRESENT", "LATE"] } },
    });
    expect(total.learners).toBe(ids.length);
    expect(total.completed).toBe(await t.db.certificate.count({ where: { userId: { in: ids } } }));
    expect(total.finalTakers).toBe(finals.length);
    expect(total.finalPassed).toBe(passed.length);
    expect(total.passRate).toBeCloseTo(passed.length / finals.length, 10);
    const mean = finals.reduce((s, f) => s + f._max.percent!, 0) / finals.length;
    expect(total.averageFinal).toBeCloseTo(Math.round(mean * 10) / 10, 10);
    expect(total.attendanceRate).toBeCloseTo(attended / (sessions * ids.length), 10);
    expect(r.report.plans.total.filed).toBe(await t.db.actionPlan.count({ where: { userId: { in: ids } } }));
    // The 分行/部门 rows add up to the whole.
    expect(r.report.byGroup.reduce((s, g) => s + g.learners, 0)).toBe(total.learners);
    expect(r.report.byGroup.reduce((s, g) => s + g.finalPassed, 0)).toBe(total.finalPassed);
    expect(r.report.funnel.map((s) => s.count)).toEqual([
      total.learners,
      total.started,
      total.allModulesDone,
      total.finalTakers,
      total.finalPassed,
      total.completed,
      total.certified,
    ]);
  }, 120_000);

  it("adds up an organisation's cohorts", async () => {
    const org = await getOrganisationReport(t.db, viewers.client, dfb);
    if (!org.ok) throw new Error("forbidden");
    const parts: Report[] = [];
    for (const c of org.report.cohorts) {
      const r = await getCohortReport(t.db, viewers.client, c.id);
      if (r.ok) parts.push(r.report);
    }
    expect(org.report.cohorts.map((c) => c.name).sort()).toEqual(
      (await t.db.cohort.findMany({ where: { organisationId: dfb }, select: { name: true } }))
        .map((c) => c.name)
        .sort(),
    );
    for (const key of ["learners", "started", "finalTakers", "finalPassed", "completed"] as const)
      expect(org.report.total[key]).toBe(parts.reduce((s, p) => s + p.total[key], 0));
    expect(org.report.plans.total.filed).toBe(parts.reduce((s, p) => s + p.plans.total.filed, 0));
    expect(org.report.gain.both).toBe(parts.reduce((s, p) => s + p.gain.both, 0));
  }, 180_000);

  it("fills every section for the demo cohorts", async () => {
    for (const code of ["SPRING26", "SOUTH26"]) {
      const r = await getCohortReport(t.db, viewers.trainer, cohorts[code]!);
      if (!r.ok) throw new Error("forbidden");
      const { report } = r;
      expect(report.total.learners, code).toBeGreaterThan(0);
      expect(report.byGroup.length, `${code} 分行/部门`).toBeGreaterThan(1);
      expect(report.total.attendanceRate, `${code} attendance`).not.toBeNull();
      expect(report.total.finalPassed, `${code} passes`).toBeGreaterThan(0);
      expect(report.gain.overall, `${code} gain`).not.toBeNull();
      expect(report.topics.length, `${code} topics`).toBeGreaterThan(0);
      expect(
        report.satisfaction.runs.some((run) => run.visible && run.verbatims.length > 0),
        `${code} satisfaction`,
      ).toBe(true);
      expect(report.plans.total.filed, `${code} plans`).toBeGreaterThan(0);
      expect(report.plans.byBranch.length, `${code} plans by 分行`).toBeGreaterThan(1);
      expect(report.findings.length, `${code} findings`).toBeGreaterThan(0);
    }
  }, 180_000);

  it("breaks topic mastery and satisfaction down by 分行, without names and without a 分行 under five", async () => {
    for (const code of ["SPRING26", "SOUTH26"]) {
      const id = cohorts[code]!;
      const r = await getCohortReport(t.db, viewers.trainer, id);
      if (!r.ok) throw new Error("forbidden");
      const { report } = r;
      // Topics: the 分行 rows add up to the whole, tag by tag.
      expect(report.topicsByBranch.length, `${code} topics by 分行`).toBeGreaterThan(1);
      for (const topic of report.topics) {
        const parts = report.topicsByBranch.flatMap((b) => b.all.filter((x) => x.tag === topic.tag));
        expect(
          [parts.reduce((n, x) => n + x.correct, 0), parts.reduce((n, x) => n + x.total, 0)],
          `${code} ${topic.tag}`,
        ).toEqual([topic.correct, topic.total]);
      }
      // Satisfaction: against the responses as stored, per 分行.
      const runs = await t.db.surveyRun.findMany({
        where: { cohortId: id, surveyId: "post-training" },
        select: { id: true },
      });
      const stored = await t.db.surveyResponse.groupBy({
        by: ["branch"],
        where: { runId: { in: runs.map((x) => x.id) } },
        _count: { _all: true },
      });
      const count = (branch: string) => stored.find((x) => (x.branch ?? "") === branch)?._count._all ?? 0;
      const rows = report.satisfaction.byBranch;
      expect(rows.length, `${code} satisfaction by 分行`).toBeGreaterThan(1);
      for (const row of rows) {
        if (row.hidden === null) {
          expect(row.responses, `${code} ${row.branch}`).toBe(count(row.branch));
          expect(row.responses!).toBeGreaterThanOrEqual(MIN_BRANCH_RESPONSES);
          expect(row.sections.some((x) => x.average !== null)).toBe(true);
        } else {
          expect(row.responses).toBeNull();
          expect(row.sections.every((x) => x.average === null) && row.nps === null).toBe(true);
          if (row.hidden === "small") expect(count(row.branch)).toBeLessThan(MIN_BRANCH_RESPONSES);
        }
      }
      // What is hidden holds none or at least five answers between them (no working it out from the whole).
      const hidden = rows.filter((x) => x.hidden).reduce((n, x) => n + count(x.branch), 0);
      expect(hidden === 0 || hidden >= MIN_BRANCH_RESPONSES, `${code} hidden ${hidden}`).toBe(true);
      const names = await t.db.user.findMany({
        where: { memberships: { some: { cohortId: id } } },
        select: { name: true },
      });
      const text = JSON.stringify([report.satisfaction.byBranch, report.topicsByBranch]);
      expect(names.filter((n) => text.includes(n.name))).toEqual([]);
    }
  }, 180_000);

  it("names the consultancy as an admin named the certificates' issuer, else as the report always did", async () => {
    const before = await getCohortReport(t.db, viewers.trainer, cohorts.SPRING26!);
    expect(before.ok && before.report.consultancyName).toBe(CONSULTANCY_NAME);
    await saveCertificateWording(
      t.db,
      { id: viewers.admin.id, name: "管理员" },
      { issuerName: "示范管理咨询有限公司", signatoryTitle: "培训总监" },
    );
    const after = await getOrganisationReport(t.db, viewers.client, dfb);
    expect(after.ok && after.report.consultancyName).toBe("示范管理咨询有限公司");
  }, 120_000);

  it("still counts a revoked certificate's holder as completed, but not as holding a valid certificate", async () => {
    const id = cohorts.SPRING26!;
    const before = await getCohortReport(t.db, viewers.trainer, id);
    if (!before.ok) throw new Error("forbidden");
    expect(before.report.total.certified).toBe(before.report.total.completed);
    const certificate = await t.db.certificate.findFirstOrThrow({
      where: { revokedAt: null, user: { memberships: { some: { cohortId: id } } } },
      select: { id: true, userId: true },
    });
    const trainer = await t.db.user.findUniqueOrThrow({ where: { id: viewers.trainer.id }, select: { name: true } });
    expect(
      await revokeCertificate(t.db, { ...viewers.trainer, name: trainer.name }, certificate.id, "DATA_ERROR", "核对"),
    ).toEqual({ ok: true });
    expect(await listRevokedHolders(t.db, [id])).toEqual([{ cohortId: id, userId: certificate.userId }]);

    const after = await getCohortReport(t.db, viewers.trainer, id);
    if (!after.ok) throw new Error("forbidden");
    const { total, funnel, byGroup } = after.report;
    expect(total.completed).toBe(before.report.total.completed);
    expect(total.certified).toBe(before.report.total.completed - 1);
    expect(funnel.at(-1)).toMatchObject({ key: "certified", count: total.certified });
    expect(byGroup.reduce((n, g) => n + g.certified, 0)).toBe(total.certified);
    const org = await getOrganisationReport(t.db, viewers.client, dfb);
    if (!org.ok) throw new Error("forbidden");
    expect(org.report.total.completed - org.report.total.certified).toBe(1);
  }, 120_000);
});
