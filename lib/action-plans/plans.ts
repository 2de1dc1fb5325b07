// Filing a plan, reading one's own, reporting a check-in, and who has a check-in due. Every
// function takes the clock (`now`) so tests can move time; pages pass new Date().
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { checkInDue, isRound, type ActionLike, type Round } from "./rules";
import type { ActionInput, CheckInReport } from "./schema";

const planSelect = {
  id: true,
  filedAt: true,
  actions: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      tool: true,
      merchant: true,
      description: true,
      metric: true,
      metricName: true,
      baseline: true,
      target: true,
      dueOn: true,
      exercise: true,
      checkIns: {
        orderBy: { round: "asc" },
        select: { round: true, status: true, result: true, obstacles: true, submittedAt: true },
      },
    },
  },
} as const;

export async function getMyActionPlan(db: PrismaClient, userId: string) {
  return db.actionPlan.findUnique({ where: { userId }, select: planSelect });
}
export type MyActionPlan = NonNullable<Awaited<ReturnType<typeof getMyActionPlan>>>;

/** Until the first check-in report the learner may revise the plan (reviseActionPlan). */
export const canRevise = (plan: MyActionPlan) => plan.actions.every((a) => a.checkIns.length === 0);

/** The stored rows of a plan's actions, numbered in the order the learner gave them. */
function actionRows(actions: ActionInput[]) {
  return actions.map((a, i) => ({
    position: i + 1,
    tool: a.tool,
    merchant: a.merchant,
    description: a.description,
    metric: a.metric,
    metricName: a.metricName,
    baseline: a.baseline,
    target: a.target,
    dueOn: a.dueOn,
    exercise: a.exercise ?? undefined,
  }));
}

/** One plan per learner: a second filing is refused (the check-in clock runs from the first). */
export async function fileActionPlan(db: PrismaClient, userId: string, actions: ActionInput[], now: Date) {
  if (actions.length === 0 || actions.length > 3) return { ok: false as const, code: "bad_actions" as const };
  const existing = await db.actionPlan.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return { ok: false as const, code: "already_filed" as const };
  try {
    const plan = await db.actionPlan.create({
      data: {
        userId,
        filedAt: now,
        actions: {
          create: actionRows(actions),
        },
      },
      select: { id: true },
    });
    return { ok: true as const, planId: plan.id };
  } catch (e) {
    // Two tabs filing at once: the unique userId lets one through.
    if ((e as { code?: string }).code === "P2002") return { ok: false as const, code: "already_filed" as const };
    throw e;
  }
}

/**
 * Replaces the actions of a plan that has had no check-in yet (a learner who rethinks a target
 * in the first weeks). Once a report is in, the plan is what was followed up and stays as filed;
 * the filing date never moves, so the 30/60/90-day clock is the same.
 */
export async function reviseActionPlan(db: PrismaClient, userId: string, actions: ActionInput[]) {
  if (actions.length === 0 || actions.length > 3) return { ok: false as const, code: "bad_actions" as const };
  return db.$transaction(async (tx) => {
    // Locks the plan row: a check-in stored meanwhile is seen here, or waits and then finds its
    // actions gone (submitCheckIn answers that with actions_changed).
    const [plan] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ActionPlan" WHERE "userId" = ${userId} FOR UPDATE`;
    if (!plan) return { ok: false as const, code: "no_plan" as const };
    const reports = await tx.actionCheckIn.count({ where: { action: { planId: plan.id } } });
    if (reports > 0) return { ok: false as const, code: "checked_in" as const };
    await tx.planAction.deleteMany({ where: { planId: plan.id } });
    await tx.planAction.createMany({
      data: actionRows(actions).map((row) => ({ ...row, planId: plan.id })),
    });
    return { ok: true as const, planId: plan.id };
  });
}

/**
 * Stores the reports of the round that is due now. The form names its round so a report typed
 * before a later round arrived is refused rather than filed under the wrong one; every open
 * action must be reported, and only those.
 */
export async function submitCheckIn(
  db: PrismaClient,
  userId: string,
  round: number,
  reports: CheckInReport[],
  now: Date,
) {
  const plan = await getMyActionPlan(db, userId);
  if (!plan) return { ok: false as const, code: "no_plan" as const };
  const due = checkInDue(plan, now);
  if (!due || !isRound(round) || due.round !== round) return { ok: false as const, code: "not_due" as const };
  const reported = new Set(reports.map((r) => r.actionId));
  if (reported.size !== due.actionIds.length || !due.actionIds.every((id) => reported.has(id)))
    return { ok: false as const, code: "actions_changed" as const };
  try {
    await db.actionCheckIn.createMany({
      data: reports.map((r) => ({
        actionId: r.actionId,
        round,
        status: r.status,
        result: r.result,
        obstacles: r.obstacles,
        submittedAt: now,
      })),
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "P2002") return { ok: false as const, code: "not_due" as const };
    // The plan was revised between reading it and storing the reports: its actions are new.
    if (code === "P2003") return { ok: false as const, code: "actions_changed" as const };
    throw e;
  }
  return { ok: true as const, round };
}

export type PlanWithReports = {
  id: string;
  userId: string;
  filedAt: Date;
  branch: string | null;
  actions: ActionLike[];
};

/**
 * The plans `where` selects (over "ActionPlan" p), each with its actions' reports and the
 * learner's 分行, in one statement: a bank's cohort files thousands of plans, which a nested
 * select sent back as id lists in three more statements (docs/decisions/0028).
 */
export async function plansWithReports(db: PrismaClient, where: Prisma.Sql): Promise<PlanWithReports[]> {
  return db.$queryRaw<PlanWithReports[]>`
    SELECT p.id, p."userId", p."filedAt", u.branch,
           coalesce((
             SELECT json_agg(json_build_object('id', a.id, 'checkIns', coalesce((
               SELECT json_agg(json_build_object('round', c.round, 'status', c.status)) FROM "ActionCheckIn" c WHERE c."actionId" = a.id
             ), '[]'::json)))
             FROM "PlanAction" a WHERE a."planId" = p.id
           ), '[]'::json) AS actions
    FROM "ActionPlan" p JOIN "User" u ON u.id = p."userId"
    WHERE ${where}`;
}

export type DueCheckInRow = { userId: string; planId: string; round: Round; dueAt: Date };

/**
 * Learners with a 30/60/90-day check-in waiting at `now`, at most one row each: the round they
 * should answer, decided by checkInDue over the plans loaded whole. `cohortId` narrows to one
 * cohort's members. The reminder rules count the same in SQL (lib/reminders/check-ins.ts), which
 * the action-plan tests check against this.
 */
export async function dueCheckIns(
  db: PrismaClient,
  now: Date,
  options: { cohortId?: string; userIds?: string[] } = {},
): Promise<DueCheckInRow[]> {
  const filters = [Prisma.sql`p."filedAt" <= ${new Date(now.getTime() - 30 * 86_400_000)}`];
  if (options.userIds) filters.push(Prisma.sql`p."userId" = ANY(${options.userIds}::text[])`);
  if (options.cohortId)
    filters.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "CohortMember" cm WHERE cm."userId" = p."userId" AND cm."cohortId" = ${options.cohortId})`,
    );
  const plans = await plansWithReports(db, Prisma.join(filters, " AND "));
  const out: DueCheckInRow[] = [];
  for (const p of plans) {
    const due = checkInDue(p, now);
    if (due) out.push({ userId: p.userId, planId: p.id, round: due.round, dueAt: due.dueAt });
  }
  return out;
}
