// The 结项报告 of a cohort, and of an organisation across the cohorts the viewer may see there.
// Who may see which cohort is lib/organisations/scope.ts's rule, through lib/cohorts: a trainer
// their own cohorts at organisations assigned to them, a client admin their bank's, an admin all.
// Returns codes and data; the pages and the workbook phrase them.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { currentOnlineModules } from "@/lib/attendance/hours";
import { getCohortFor, listCohorts } from "@/lib/cohorts/cohorts";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getSavedIssuerName } from "@/lib/certificates/design";
import { getTopicMasteryByBranch, type BranchTopicRow } from "@/lib/dashboard/topic-mastery-by-branch";
import type { GainRow } from "@/lib/knowledge-gain/gain";
import { listOrganisationsFor } from "@/lib/organisations/organisations";
import type { Viewer } from "@/lib/organisations/scope";
import type { NpsResult } from "@/lib/surveys/results";
import {
  addPlanFigures,
  figuresByGroup,
  figuresOf,
  funnelOf,
  isReaderTag,
  poolGainRows,
  poolNps,
  poolTopics,
  satisfactionByBranch,
  topFindings,
  topicsByBranch,
  BRANCH_TOPICS,
  MIN_TOPIC_ANSWERS,
  type BranchTopics,
  type Finding,
  type FunnelStage,
  type GroupFigures,
  type PlanFigures,
  type SatisfactionBranch,
  type TopicFigure,
} from "./figures";
import { CONSULTANCY_NAME } from "./labels";
import { loadCohortParts, type CohortParts, type ExamplePlan, type SatisfactionRun } from "./load";

export type ReportCohort = {
  id: string;
  name: string;
  trainerName: string;
  startsOn: Date | null;
  endsOn: Date | null;
  learners: number;
  sessions: number;
};

export type Report = {
  kind: "cohort" | "organisation";
  organisation: { id: string; name: string; logo: { sha256: string } | null };
  /** The certificates' issuer as an admin set it (/admin/certificate), else the report's own wording. */
  consultancyName: string;
  cohorts: ReportCohort[];
  generatedAt: Date;
  total: GroupFigures;
  byGroup: GroupFigures[];
  funnel: FunnelStage[];
  gain: {
    preTakers: number;
    postTakers: number;
    both: number;
    overall: GainRow | null;
    byTag: GainRow[];
    byBranch: GainRow[];
  };
  topics: TopicFigure[];
  topicsByBranch: BranchTopics[];
  satisfaction: { runs: SatisfactionRun[]; nps: NpsResult | null; byBranch: SatisfactionBranch[] };
  plans: { total: PlanFigures; byBranch: PlanFigures[]; examples: ExamplePlan[] };
  findings: Finding[];
};

export type ReportResult = { ok: true; report: Report } | { ok: false; code: "FORBIDDEN" };

const EXAMPLE_PLANS = 3;

/** A cohort's report, if the viewer's scope includes the cohort. */
export async function getCohortReport(
  db: PrismaClient,
  viewer: Viewer,
  cohortId: string,
  now = new Date(),
): Promise<ReportResult> {
  const cohort = await findVisibleCohort(db, viewer, cohortId);
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, report: await buildReport(db, "cohort", cohort.organisation, [cohort], now) };
}

/** An organisation's report over the cohorts there the viewer may see; FORBIDDEN outside their organisations. */
export async function getOrganisationReport(
  db: PrismaClient,
  viewer: Viewer,
  organisationId: string,
  now = new Date(),
): Promise<ReportResult> {
  const organisation = (await listOrganisationsFor(db, viewer)).find((o) => o.id === organisationId);
  if (!organisation) return { ok: false, code: "FORBIDDEN" };
  const cohorts = (await listCohorts(db, viewer)).filter((c) => c.organisation.id === organisation.id);
  // Oldest first: the report reads as the programme's history.
  cohorts.reverse();
  return { ok: true, report: await buildReport(db, "organisation", organisation, cohorts, now) };
}

type CohortRow = NonNullable<Awaited<ReturnType<typeof getCohortFor>>>;

async function buildReport(
  db: PrismaClient,
  kind: Report["kind"],
  organisation: Report["organisation"],
  cohorts: Pick<CohortRow, "id" | "name" | "startsOn" | "endsOn" | "trainer">[],
  now: Date,
): Promise<Report> {
  const shape = await currentCourseShape();
  const modules = await currentOnlineModules();
  const loaded: { cohort: (typeof cohorts)[number]; parts: CohortParts }[] = [];
  for (const cohort of cohorts) loaded.push({ cohort, parts: await loadCohortParts(db, shape, modules, cohort, now) });
  const topicRows = await getTopicMasteryByBranch(
    db,
    cohorts.map((c) => c.id),
  );
  const consultancyName = (await getSavedIssuerName(db)) ?? CONSULTANCY_NAME;
  return composeReport(kind, organisation, loaded, topicRows, now, consultancyName);
}

/** The cohorts' parts put together: pure, so an organisation's pooling is tested with the cohort's. */
export function composeReport(
  kind: Report["kind"],
  organisation: Report["organisation"],
  loaded: {
    cohort: { id: string; name: string; startsOn: Date | null; endsOn: Date | null; trainer: { name: string } };
    parts: CohortParts;
  }[],
  topicRows: BranchTopicRow[],
  now: Date,
  consultancyName = CONSULTANCY_NAME,
): Report {
  const learners = loaded.flatMap((l) => l.parts.learners);
  const total = figuresOf(learners);
  const gains = loaded.map((l) => l.parts.gain);
  const overall = poolGainRows(gains.filter((g) => g.both > 0).map((g) => g.overall))[0] ?? null;
  const branchPlans = new Map<string, PlanFigures[]>();
  for (const f of loaded.flatMap((l) => l.parts.plansByBranch))
    branchPlans.set(f.branch, [...(branchPlans.get(f.branch) ?? []), f]);
  const runs = loaded.flatMap((l) => l.parts.satisfaction);
  // Each run asked the learners of its cohort: a 分行's invited are its members there, per run.
  const invited = new Map<string, number>();
  for (const { parts } of loaded) {
    const asked = parts.satisfaction.filter((r) => r.visible).length;
    if (asked > 0) for (const l of parts.learners) invited.set(l.branch, (invited.get(l.branch) ?? 0) + asked);
  }
  const readerTopics = topicRows.filter((t) => isReaderTag(t.tag));
  const topics = poolTopics(poolByTag(readerTopics));
  // The columns every 分行 row reports on: the weakest topics met often enough to mean something.
  const answered = topics.filter((t) => t.total >= MIN_TOPIC_ANSWERS);
  return {
    kind,
    organisation: { id: organisation.id, name: organisation.name, logo: organisation.logo },
    consultancyName,
    cohorts: loaded.map(({ cohort, parts }) => ({
      id: cohort.id,
      name: cohort.name,
      trainerName: cohort.trainer.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      learners: parts.learners.length,
      sessions: parts.sessions,
    })),
    generatedAt: now,
    total,
    byGroup: figuresByGroup(learners),
    funnel: funnelOf(total),
    gain: {
      preTakers: gains.reduce((s, g) => s + g.preTakers, 0),
      postTakers: gains.reduce((s, g) => s + g.postTakers, 0),
      both: gains.reduce((s, g) => s + g.both, 0),
      overall,
      byTag: poolGainRows(gains.flatMap((g) => g.byTag).filter((g) => isReaderTag(g.key))),
      byBranch: poolGainRows(gains.flatMap((g) => g.byBranch)),
    },
    topics,
    topicsByBranch: topicsByBranch(
      readerTopics,
      answered.slice(0, BRANCH_TOPICS).map((t) => t.tag),
    ),
    satisfaction: {
      runs,
      nps: poolNps(runs.map((r) => r.nps)),
      byBranch: satisfactionByBranch(
        runs.flatMap((r) => r.byBranch),
        invited,
      ),
    },
    plans: {
      total: addPlanFigures(loaded.map((l) => l.parts.plans)),
      // Only when the roster gives 分行: otherwise the one row would repeat the total.
      byBranch: [...branchPlans.entries()].some(([b]) => b !== "")
        ? [...branchPlans.entries()]
            .map(([branch, list]) => addPlanFigures(list, branch))
            .sort((a, b) => a.branch.localeCompare(b.branch, "zh-CN"))
        : [],
      examples: loaded.flatMap((l) => l.parts.examplePlans).slice(0, EXAMPLE_PLANS),
    },
    findings: topFindings(loaded.flatMap((l) => l.parts.findings)),
  };
}

/** The per-分行 rows as the per-cohort topic rows poolTopics takes (a cohort's whole is its 分行 added up). */
function poolByTag(rows: BranchTopicRow[]): Parameters<typeof poolTopics>[0] {
  const byTag = new Map<string, Record<string, { correct: number; total: number }>>();
  for (const r of rows) {
    const cohorts = byTag.get(r.tag) ?? {};
    const a = cohorts[r.cohortId] ?? { correct: 0, total: 0 };
    cohorts[r.cohortId] = { correct: a.correct + r.correct, total: a.total + r.total };
    byTag.set(r.tag, cohorts);
  }
  return [...byTag.entries()].map(([tag, cohorts]) => ({ tag, cohorts }));
}
