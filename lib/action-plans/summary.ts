// A cohort's follow-through for the trainer and the bank's client admin: how many members filed a
// plan, how many were followed up at 30/60/90 days (of those whose day has come), how many
// actions are done, and a few example plans, the most complete first. Callers check the cohort
// is visible to the viewer (lib/dashboard/access.ts) before asking.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
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

export async function getCohortActionPlans(db: PrismaClient, cohortId: string, now: Date) {
  const [members, plans] = await Promise.all([
    db.cohortMember.count({ where: { cohortId } }),
    db.actionPlan.findMany({
      where: { user: { memberships: { some: { cohortId } } } },
      select: {
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
      },
    }),
  ]);
  const examples = [...plans]
    .sort((a, b) => completeness(b) - completeness(a) || b.filedAt.getTime() - a.filedAt.getTime())
    .slice(0, EXAMPLE_PLANS);
  // Every plan too: the 结项报告 (lib/reports) counts them again per 分行.
  return { ...summarisePlans(members, plans, now), examples, plans };
}

/** "42%" style share; "—" when nobody is counted yet (no day 60 has come, say). */
export function share(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`;
}
