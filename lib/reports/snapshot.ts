// The 结项报告 as a stored snapshot (docs/decisions/0027, amendment "Stored snapshots"). A report is
// a document a training manager forwards to leadership: it must not change under its reader, and
// its page, its print and its .xlsx pack must show the same figures. So opening a report reads one
// stored row (ReportSnapshot) and renders it; 更新数据 regenerates it. Who may open or regenerate
// which report is lib/reports/report.ts's rule (the cohort scope of lib/organisations/scope.ts),
// checked before any stored row is read. Returns codes and data; the pages phrase them.
import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { listOrganisationsFor } from "@/lib/organisations/organisations";
import type { Viewer } from "@/lib/organisations/scope";
import { getCohortReport, getOrganisationReport, type Report, type ReportResult } from "./report";

/**
 * A snapshot older than this is regenerated when the report is opened: the page says 数据截至, and
 * a manager opening it a day later expects that day's figures without thinking of the button.
 */
export const SNAPSHOT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Raise when Report's shape changes: a snapshot of another version is regenerated, never misread. */
const SNAPSHOT_VERSION = 1;

/** A value as JSON.stringify leaves it: dates become ISO strings, the rest stays as it is. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type StoredReport = Jsonified<Report>;

type Stored = { version: number; report: StoredReport };

/** The report as it is stored. */
export function toStored(report: Report): StoredReport {
  const json: StoredReport = JSON.parse(JSON.stringify(report));
  return json;
}

/**
 * The report back from JSON. Every date of Report is revived here by name; a new Date field
 * anywhere in Report fails to compile here until it is added, instead of reaching a page as a string.
 */
export function reviveReport(stored: StoredReport): Report {
  return {
    ...stored,
    generatedAt: new Date(stored.generatedAt),
    cohorts: stored.cohorts.map((c) => ({ ...c, startsOn: dateOrNull(c.startsOn), endsOn: dateOrNull(c.endsOn) })),
    satisfaction: {
      ...stored.satisfaction,
      runs: stored.satisfaction.runs.map((r) => ({ ...r, closesAt: new Date(r.closesAt) })),
    },
  };
}

function dateOrNull(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

/** The stored report if it is of this version; otherwise null (and it is regenerated). */
function readStored(data: Prisma.JsonValue): Report | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  if (data.version !== SNAPSHOT_VERSION || typeof data.report !== "object" || data.report === null) return null;
  // Written by storeReport below with this version's shape: the one place the JSON is trusted.
  return reviveReport(data.report as unknown as StoredReport);
}

function isFresh(generatedAt: Date, now: Date): boolean {
  return now.getTime() - generatedAt.getTime() < SNAPSHOT_MAX_AGE_MS;
}

/**
 * A cohort's report as stored, if the viewer's scope includes the cohort. The first open (no
 * snapshot yet: demo and new cohorts), a snapshot over 24 hours old or of an older shape generates
 * and stores it first.
 */
export async function openCohortReport(
  db: PrismaClient,
  viewer: Viewer,
  cohortId: string,
  now = new Date(),
): Promise<ReportResult> {
  const cohort = await findVisibleCohort(db, viewer, cohortId);
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  const row = await db.reportSnapshot.findUnique({
    where: { cohortId: cohort.id },
    select: { generatedAt: true, data: true },
  });
  const stored = row && isFresh(row.generatedAt, now) ? readStored(row.data) : null;
  if (stored) return { ok: true, report: stored };
  return refreshCohortReport(db, viewer, cohort.id, now);
}

/** 更新数据: the cohort's report computed now and stored in place of the last one. */
export async function refreshCohortReport(
  db: PrismaClient,
  viewer: Viewer,
  cohortId: string,
  now = new Date(),
): Promise<ReportResult> {
  const result = await getCohortReport(db, viewer, cohortId, now);
  if (!result.ok) return result;
  return { ok: true, report: await storeReport(db, { cohortId }, result.report, viewer.id) };
}

/**
 * An organisation's report has one snapshot, over every cohort there: what its client admins and
 * admins see. A trainer's covers only their own cohorts there (decision 0027), so theirs is
 * computed on opening, as before, and is never stored.
 */
export function seesWholeOrganisation(viewer: Viewer): boolean {
  return viewer.role === "ADMIN" || viewer.role === "CLIENT_ADMIN";
}

export type OpenedReport = { ok: true; report: Report; stored: boolean } | { ok: false; code: "FORBIDDEN" };

/** An organisation's report: the stored one for whoever sees all of it, else computed now. */
export async function openOrganisationReport(
  db: PrismaClient,
  viewer: Viewer,
  organisationId: string,
  now = new Date(),
): Promise<OpenedReport> {
  if (!seesWholeOrganisation(viewer)) return refreshOrganisationReport(db, viewer, organisationId, now);
  // The same check getOrganisationReport makes, before anything stored is read.
  if (!(await listOrganisationsFor(db, viewer)).some((o) => o.id === organisationId)) {
    return { ok: false, code: "FORBIDDEN" };
  }
  const row = await db.reportSnapshot.findUnique({
    where: { organisationId },
    select: { generatedAt: true, data: true },
  });
  const stored = row && isFresh(row.generatedAt, now) ? readStored(row.data) : null;
  if (stored) return { ok: true, report: stored, stored: true };
  return refreshOrganisationReport(db, viewer, organisationId, now);
}

/** 更新数据 for an organisation: computed now, and stored when it is the whole organisation's. */
export async function refreshOrganisationReport(
  db: PrismaClient,
  viewer: Viewer,
  organisationId: string,
  now = new Date(),
): Promise<OpenedReport> {
  const result = await getOrganisationReport(db, viewer, organisationId, now);
  if (!result.ok) return result;
  if (!seesWholeOrganisation(viewer)) return { ok: true, report: result.report, stored: false };
  return { ok: true, report: await storeReport(db, { organisationId }, result.report, viewer.id), stored: true };
}

/**
 * 更新数据 is recorded like the report's export: what is forwarded changes with it, and the pack
 * carries learners' own words. Generating on a first or stale opening is not recorded.
 */
export async function auditReportRefresh(
  db: PrismaClient,
  actor: Actor,
  owner: { cohortId: string } | { organisationId: string },
  report: Report,
) {
  const cohort = "cohortId" in owner;
  await recordAudit(db, actor, {
    action: "REPORT_REFRESH",
    target: cohort ? owner.cohortId : owner.organisationId,
    detail: cohort
      ? [report.cohorts[0]!.name, "结项报告"].join(";")
      : [report.organisation.name, "机构结项报告"].join(";"),
    rows: report.total.learners,
  });
}

/**
 * Stores the report and hands back what was stored, so the page shows exactly what the pack will.
 * Exported for the bank-scale bench, which builds its report from its own course.
 */
export async function storeReport(
  db: PrismaClient,
  owner: { cohortId: string } | { organisationId: string },
  report: Report,
  generatedById: string,
): Promise<Report> {
  const stored = toStored(report);
  const data: Stored = { version: SNAPSHOT_VERSION, report: stored };
  const fields = { generatedAt: report.generatedAt, generatedById, data };
  // One row per cohort or organisation: two first opens at once both generate, the later one stays.
  await db.reportSnapshot.upsert({
    where: "cohortId" in owner ? { cohortId: owner.cohortId } : { organisationId: owner.organisationId },
    create: { ...owner, ...fields },
    update: fields,
    select: { id: true },
  });
  return reviveReport(stored);
}
