// The 结项报告 as a stored snapshot (lib/reports/snapshot.ts) on PostgreSQL with the demo data: what
// is stored equals a fresh computation, it stays as stored until 更新数据 (or 24 hours), another
// bank's client admin can neither open nor regenerate it, and it goes with its cohort or organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort } from "@/lib/cohorts/cohorts";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { createOrganisation } from "@/lib/organisations/organisations";
import type { Viewer } from "@/lib/organisations/scope";
import { markLessonDone } from "@/lib/progress/progress";
import { getCohortReport, getOrganisationReport } from "@/lib/reports/report";
import {
  openCohortReport,
  openOrganisationReport,
  refreshCohortReport,
  refreshOrganisationReport,
  SNAPSHOT_MAX_AGE_MS,
} from "@/lib/reports/snapshot";
import { prepareDatabase } from "@/prisma/seed";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

describe.skipIf(noPostgres)("结项报告 snapshots (PostgreSQL, demo data)", () => {
  let t: PostgresTestDb;
  const viewers: Record<"trainer" | "client" | "otherClient" | "admin", Viewer> = {} as never;
  let spring = "";
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
    spring = (await t.db.cohort.findUniqueOrThrow({ where: { inviteCode: "SPRING26" }, select: { id: true } })).id;
    dfb = (await t.db.organisation.findUniqueOrThrow({ where: { code: "DFB" }, select: { id: true } })).id;
  }, 300_000);

  afterAll(() => t?.close());

  it("stores on first opening what a fresh computation gives, dates included", async () => {
    const now = new Date();
    const opened = await openCohortReport(t.db, viewers.trainer, spring, now);
    const fresh = await getCohortReport(t.db, viewers.trainer, spring, now);
    if (!opened.ok || !fresh.ok) throw new Error("forbidden");
    expect(opened.report).toEqual(fresh.report);
    expect(opened.report.generatedAt).toBeInstanceOf(Date);
    expect(opened.report.satisfaction.runs.length).toBeGreaterThan(0);
    expect(opened.report.satisfaction.runs[0]!.closesAt).toBeInstanceOf(Date);
    expect(await t.db.reportSnapshot.findUniqueOrThrow({ where: { cohortId: spring } })).toMatchObject({
      generatedAt: now,
      generatedById: viewers.trainer.id,
      organisationId: null,
    });
    // Opened again: read back from the row, still the same report.
    const again = await openCohortReport(t.db, viewers.client, spring, new Date(now.getTime() + 60_000));
    expect(again.ok && again.report).toEqual(fresh.report);

    const org = await openOrganisationReport(t.db, viewers.client, dfb, now);
    const orgFresh = await getOrganisationReport(t.db, viewers.client, dfb, now);
    if (!org.ok || !orgFresh.ok) throw new Error("forbidden");
    expect(org).toMatchObject({ stored: true });
    expect(org.report).toEqual(orgFresh.report);
  }, 240_000);

  it("stays as stored when a learner moves on, until 更新数据 or a day later", async () => {
    const before = await openCohortReport(t.db, viewers.trainer, spring);
    if (!before.ok) throw new Error("forbidden");
    const course = await currentCourseShape();
    const notStarted = await t.db.user.findFirstOrThrow({
      where: { memberships: { some: { cohortId: spring } }, lessons: { none: {} }, attempts: { none: {} } },
      select: { id: true },
    });
    const m1 = course.modules[0]!;
    expect((await markLessonDone(t.db, course, notStarted.id, m1.slug, m1.lessons[0]!)).ok).toBe(true);

    const stored = await openCohortReport(t.db, viewers.trainer, spring);
    expect(stored.ok && stored.report).toEqual(before.report);

    const refreshed = await refreshCohortReport(t.db, viewers.client, spring);
    if (!refreshed.ok) throw new Error("forbidden");
    expect(refreshed.report.total.started).toBe(before.report.total.started + 1);
    expect(refreshed.report.generatedAt.getTime()).toBeGreaterThan(before.report.generatedAt.getTime());
    const reopened = await openCohortReport(t.db, viewers.trainer, spring);
    expect(reopened.ok && reopened.report).toEqual(refreshed.report);
    expect(await t.db.reportSnapshot.findUniqueOrThrow({ where: { cohortId: spring } })).toMatchObject({
      generatedById: viewers.client.id,
    });

    // Past 24 hours, opening regenerates by itself.
    const later = new Date(refreshed.report.generatedAt.getTime() + SNAPSHOT_MAX_AGE_MS + 1000);
    const aged = await openCohortReport(t.db, viewers.trainer, spring, later);
    expect(aged.ok && aged.report.generatedAt).toEqual(later);
  }, 240_000);

  it("lets another bank's client admin neither open nor regenerate, and stores nothing for them", async () => {
    const row = await t.db.reportSnapshot.findUniqueOrThrow({ where: { cohortId: spring } });
    const forbidden = { ok: false, code: "FORBIDDEN" };
    expect(await openCohortReport(t.db, viewers.otherClient, spring)).toEqual(forbidden);
    expect(await refreshCohortReport(t.db, viewers.otherClient, spring)).toEqual(forbidden);
    expect(await openOrganisationReport(t.db, viewers.otherClient, dfb)).toEqual(forbidden);
    expect(await refreshOrganisationReport(t.db, viewers.otherClient, dfb)).toEqual(forbidden);
    expect(await refreshCohortReport(t.db, viewers.admin, "not-a-cohort")).toEqual(forbidden);
    expect(await t.db.reportSnapshot.findUniqueOrThrow({ where: { cohortId: spring } })).toEqual(row);
  }, 120_000);

  it("computes a trainer's organisation report, over their own cohorts, without storing it", async () => {
    const org = await t.db.reportSnapshot.findUniqueOrThrow({ where: { organisationId: dfb } });
    const r = await openOrganisationReport(t.db, viewers.trainer, dfb);
    expect(r).toMatchObject({ ok: true, stored: false });
    expect(await t.db.reportSnapshot.findUniqueOrThrow({ where: { organisationId: dfb } })).toEqual(org);
  }, 120_000);

  it("goes with its cohort and its organisation", async () => {
    const created = await createOrganisation(
      t.db,
      { id: viewers.admin.id, name: "管理员" },
      {
        name: "快照测试银行",
        code: "SNAP",
        retentionDays: 365,
      },
    );
    if (!created.ok) throw new Error(created.code);
    const organisationId = created.value.id;
    const cohort = await createCohort(t.db, viewers.admin, { name: "快照班", organisationId });
    if (!cohort) throw new Error("no cohort");
    expect((await openCohortReport(t.db, viewers.admin, cohort.id)).ok).toBe(true);
    expect((await openOrganisationReport(t.db, viewers.admin, organisationId)).ok).toBe(true);
    expect(await t.db.reportSnapshot.count({ where: { OR: [{ cohortId: cohort.id }, { organisationId }] } })).toBe(2);

    await t.db.cohort.delete({ where: { id: cohort.id } });
    expect(await t.db.reportSnapshot.count({ where: { cohortId: cohort.id } })).toBe(0);
    await t.db.organisation.delete({ where: { id: organisationId } });
    expect(await t.db.reportSnapshot.count({ where: { organisationId } })).toBe(0);
  }, 120_000);
});
