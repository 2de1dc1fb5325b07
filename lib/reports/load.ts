// One cohort's parts of the 结项报告, each from the domain that owns it: the progress matrix and
// 学时 (lib/dashboard, lib/attendance), knowledge gain, surveys, action plans and item analysis.
// Nothing here queries those tables itself, so the report always shows the same figures as the
// cohort's own pages, and gets faster when they do.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { latestStatus } from "@/lib/action-plans/rules";
import { getCohortActionPlans, loadCohortPlansByBranch, summarisePlans } from "@/lib/action-plans/summary";
import type { ActionMetric, ActionStatus, ActionTool } from "@/lib/generated/prisma/enums";
import { getCohortHours, NO_HOURS, type OnlineModule } from "@/lib/attendance/hours";
import { listRevokedHolders } from "@/lib/certificates/revoke";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { DEFAULT_QUERY } from "@/lib/dashboard/params";
import { getProgressMatrixAll } from "@/lib/dashboard/progress-matrix";
import { getKnowledgeGain, type KnowledgeGain } from "@/lib/knowledge-gain/gain";
import { tallyRunsByBranch } from "@/lib/surveys/by-branch";
import { getSurvey } from "@/lib/surveys/catalog";
import { resultsVisible, sectionAverage, type NpsResult } from "@/lib/surveys/results";
import { listCohortRuns } from "@/lib/surveys/runs";
import { tallyRunResults } from "@/lib/surveys/tally";
import { type Finding, type PlanFigures, type ReportLearner, type SatisfactionTally } from "./figures";

export type SatisfactionRun = {
  cohortName: string;
  surveyTitle: string;
  closesAt: Date;
  anonymous: boolean;
  responses: number;
  members: number;
  /** False while an anonymous run is under the threshold: counts only, no results. */
  visible: boolean;
  sections: { title: string; average: number | null }[];
  nps: NpsResult | null;
  /** Free-text answers, without names: the report is forwarded (PIPL, docs/decisions/0027). */
  verbatims: { prompt: string; texts: string[] }[];
  /** Counts per 分行 when the results are visible, else none; the report decides what it may show. */
  byBranch: SatisfactionTally[];
};

/** An example plan as the report shows it: the 分行, never the learner's name. */
export type ExamplePlan = {
  branch: string;
  actions: {
    tool: ActionTool;
    description: string;
    metric: ActionMetric;
    metricName: string | null;
    baseline: number;
    target: number;
    status: ActionStatus | null;
  }[];
};

export type CohortParts = {
  learners: ReportLearner[];
  sessions: number;
  gain: KnowledgeGain;
  satisfaction: SatisfactionRun[];
  plans: Omit<PlanFigures, "branch">;
  plansByBranch: PlanFigures[];
  examplePlans: ExamplePlan[];
  findings: Finding[];
};

export async function loadCohortParts(
  db: PrismaClient,
  shape: CourseShape,
  modules: OnlineModule[],
  cohort: { id: string; name: string },
  now: Date,
): Promise<CohortParts> {
  const rows = await getProgressMatrixAll(db, shape, cohort.id, DEFAULT_QUERY, now);
  const [hours, sessions, revoked] = await Promise.all([
    getCohortHours(
      db,
      cohort.id,
      modules,
      rows.map((r) => r.userId),
    ),
    db.cohortSession.count({ where: { cohortId: cohort.id } }),
    listRevokedHolders(db, [cohort.id]),
  ]);
  const revokedIds = new Set(revoked.map((r) => r.userId));
  const moduleCount = shape.modules.length;
  const learners = rows.map((r): ReportLearner => {
    const h = hours.get(r.userId) ?? NO_HOURS;
    return {
      branch: r.branch?.trim() ?? "",
      department: r.department?.trim() ?? "",
      started: r.status !== "not_started",
      allModulesDone: moduleCount > 0 && r.modulesDone >= moduleCount,
      finalBest: r.finalBest,
      finalPassed: r.finalPassed,
      completed: r.status === "completed",
      certified: r.status === "completed" && !revokedIds.has(r.userId),
      sessions,
      attended: h.attended,
      classroomHours: h.classroomHours,
      onlineHours: h.onlineHours,
    };
  });
  // Sequential on purpose: a report is read rarely and must not take every pooled connection
  // while the dashboards are in use.
  const gain = await getKnowledgeGain(db, cohort.id);
  const satisfaction = await loadSatisfaction(db, cohort, rows.length);
  const planData = await getCohortActionPlans(db, cohort.id, now);
  const branchPlans = await loadCohortPlansByBranch(db, cohort.id);
  const findings = await loadFindings(db, shape, cohort);

  const membersByBranch = new Map<string, number>();
  for (const l of learners) membersByBranch.set(l.branch, (membersByBranch.get(l.branch) ?? 0) + 1);
  const plansByBranch = [...membersByBranch.entries()].map(([branch, members]) => ({
    branch,
    ...summarisePlans(
      members,
      branchPlans.filter((p) => p.branch === branch),
      now,
    ),
  }));
  return {
    learners,
    sessions,
    gain,
    satisfaction,
    plans: {
      members: planData.members,
      filed: planData.filed,
      rounds: planData.rounds,
      actions: planData.actions,
      actionsDone: planData.actionsDone,
    },
    plansByBranch,
    examplePlans: planData.examples.map((p) => ({
      branch: p.user.branch?.trim() ?? "",
      actions: p.actions.map((a) => ({
        tool: a.tool,
        description: a.description,
        metric: a.metric,
        metricName: a.metricName,
        baseline: a.baseline,
        target: a.target,
        status: latestStatus(a),
      })),
    })),
    findings,
  };
}

/** The cohort's 训后满意度 runs (the post-training template kind); needs surveys are not satisfaction. */
async function loadSatisfaction(db: PrismaClient, cohort: { name: string; id: string }, members: number) {
  const runs = await listCohortRuns(db, cohort.id);
  const out: SatisfactionRun[] = [];
  for (const run of runs) {
    const survey = getSurvey(run.surveyId);
    if (!survey || survey.kind !== "post") continue;
    const visible = resultsVisible(run.anonymous, run._count.responses);
    // Every verbatim: the report is the full record (the export of one run has them too).
    const results = visible ? (await tallyRunResults(db, survey, [run], null)).get(run.id) : null;
    out.push({
      cohortName: cohort.name,
      surveyTitle: survey.title,
      closesAt: run.closesAt,
      anonymous: run.anonymous,
      responses: run._count.responses,
      members,
      visible,
      sections: survey.sections.map((s, i) => ({
        title: s.title,
        average: results ? sectionAverage(results.sections[i]!.items) : null,
      })),
      nps: results?.nps ?? null,
      verbatims: (results?.sections ?? []).flatMap((s) =>
        s.items.flatMap((item) =>
          item.type === "text" && item.verbatims.length > 0
            ? [{ prompt: item.prompt, texts: item.verbatims.map((v) => v.text) }]
            : [],
        ),
      ),
      byBranch: visible ? await tallyRunsByBranch(db, survey, [run.id]) : [],
    });
  }
  return out;
}

/** Every flagged question of the cohort's module quizzes and final assessment (the caller picks the top ones). */
async function loadFindings(db: PrismaClient, shape: CourseShape, cohort: { id: string; name: string }) {
  const quizzes = [
    ...shape.modules.flatMap((m) => (m.quizId ? [{ id: m.quizId, title: m.quizTitle ?? `模块${m.number}测验` }] : [])),
    ...(shape.finalQuizId ? [{ id: shape.finalQuizId, title: "结业测评" }] : []),
  ];
  const out: Finding[] = [];
  for (const quiz of quizzes) {
    const { items } = await getItemAnalysis(db, cohort.id, quiz.id);
    for (const item of items)
      if (item.flags.length > 0)
        out.push({
          cohortName: cohort.name,
          quizTitle: quiz.title,
          prompt: item.prompt,
          responses: item.responses,
          facility: item.facility,
          discrimination: item.discrimination,
          flags: item.flags,
        });
  }
  return out;
}
