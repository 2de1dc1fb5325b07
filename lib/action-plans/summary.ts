// A cohort's follow-through for the trainer and the bank's client admin: how many members filed a
// plan, how many were followed up at 30/60/90 days (of those whose day has come), how many
// actions are done, and a few example plans, the most complete first. Callers check the cohort
// is visible to the viewer (lib/dashboard/access.ts) before asking.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { plansWithReports } from "./plans";
import { followedUpAt, latestStatus, ROUNDS, roundArrivesAt, type PlanLike, type Round } from "./rules";

export const EXAMPLE_PLANS = 3;

export type RoundFigure = { round: Round; eligible: number; followed: number };

/** The figures from plans already loaded: pure, so the arithmetic is tested by hand. */
export function summarisePlans(members: number, plans: PlanLike[], now: Date) {
  const rounds: RoundFigure[] = ROUNDS.map((round) => {
    const arrived = plans.filter((p) => roundArrivesAt(p.filedAt, round) <= now);
    return { round, eligible: arrived.length, followed: arrived.filter((p) => followedUpAt(p, round)).length };
  });
  const actions = plans.flatMap((p) => p.actions);
  return {
    members,
    filed: plans.length,
    rounds,
    actions: actions.length,
    actionsDone: actions.filter((a) => latestStatus(a) === "DONE").length,
  };
}

/** How complete a plan's record is: its reports first, then how many actions it has. */
function completeness(p: PlanLike): number {
  return p.actions.reduce((n, a) => n + a.checkIns.length, 0) * 10 + p.actions.length;
}

const planSelect = {
  id: true,
  filedAt: true,
  user: { select: { name: true, branch: true } },
  actions: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      tool: true,
      merchant: true,
      description: true,
      metric: true,
      metricName: true,
      baseline: true,
      target: true,
      dueOn: true,
      checkIns: {
        orderBy: { round: "asc" },
        select: { round: true, status: true, result: true, obstacles: true },
      },
    },
  },
} as const;

/**
 * The same figures as summarisePlans, counted in PostgreSQL from each plan's figures, which
 * triggers keep on the plan's row as its actions and reports change (a bank's cohort files
 * thousands of plans: docs/decisions/0036). The example plans alone are loaded whole.
 */
export async function getCohortActionPlans(db: PrismaClient, cohortId: string, now: Date) {
  const [figures] = await db.$queryRaw<
    {
      members: number;
      filed: number;
      actions: number;
      actions_done: number;
      rounds: RoundFigure[];
      examples: string[];
    }[]
  >`
    WITH plans AS MATERIALIZED (
      SELECT p.id, p."filedAt" AS filed_at, p."actionCount" AS actions, p."actionsDone" AS done,
             p."reportCount" AS reports, p."followedRounds" AS followed
      FROM "ActionPlan" p JOIN "CohortMember" cm ON cm."userId" = p."userId" AND cm."cohortId" = ${cohortId}
    )
    SELECT (SELECT count(*) FROM "CohortMember" WHERE "cohortId" = ${cohortId})::int AS members,
           (SELECT count(*) FROM plans)::int AS filed,
           (SELECT coalesce(sum(actions), 0) FROM plans)::int AS actions,
           (SELECT coalesce(sum(done), 0) FROM plans)::int AS actions_done,
           -- A round counts the plans whose day has come (roundArrivesAt), and of those the ones followed up.
           (SELECT json_agg(json_build_object('round', r.round, 'eligible', f.eligible, 'followed', f.followed) ORDER BY r.round)
            FROM unnest(${[...ROUNDS]}::int[]) AS r(round)
            CROSS JOIN LATERAL (
              SELECT count(*)::int AS eligible, count(*) FILTER (WHERE r.round = ANY(p.followed))::int AS followed
              FROM plans p WHERE p.filed_at + make_interval(days => r.round) <= ${now}
            ) f) AS rounds,
           -- The most complete plans (completeness below), then the newest.
           ARRAY(SELECT id FROM plans ORDER BY reports * 10 + actions DESC, filed_at DESC LIMIT ${EXAMPLE_PLANS}) AS examples`;
  const plans = await db.actionPlan.findMany({ where: { id: { in: figures!.examples } }, select: planSelect });
  const examples = [...plans].sort(
    (a, b) => completeness(b) - completeness(a) || b.filedAt.getTime() - a.filedAt.getTime(),
  );
  return {
    members: figures!.members,
    filed: figures!.filed,
    rounds: figures!.rounds,
    actions: figures!.actions,
    actionsDone: figures!.actions_done,
    examples,
  };
}

/**
 * Every member's plan, light (filing date, 分行, each action's reports), for the 结项报告's
 * per-分行 figures (summarisePlans per branch). A report is read rarely; the dashboards use
 * getCohortActionPlans, counted in SQL.
 */
export async function loadCohortPlansByBranch(db: PrismaClient, cohortId: string) {
  const plans = await plansWithReports(
    db,
    Prisma.sql`EXISTS (SELECT 1 FROM "CohortMember" cm WHERE cm."userId" = p."userId" AND cm."cohortId" = ${cohortId})`,
  );
  return plans.map((p) => ({ branch: p.branch?.trim() ?? "", filedAt: p.filedAt, actions: p.actions }));
}

/** "42%" style share; "—" when nobody is counted yet (no day 60 has come, say). */
export function share(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`;
}
