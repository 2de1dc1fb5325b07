// The action-plan check-in rule's source: the cohort's learners whose 30/60/90-day check-in is due
// (lib/action-plans, decision 0025). The rule of lib/action-plans/rules.ts checkInDue, counted in
// PostgreSQL so a cohort of thousands of plans returns only the learners it names (docs/decisions/
// 0028); tests/integration/action-plans.test.ts checks it against dueCheckIns on demo plans at
// every stage. A plan is due when its latest arrived round has an action still open before that
// round (no 完成 or 放弃 report earlier) and not reported in it.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Whether the learner `userId` (an SQL expression) has a check-in due: a condition, so the
 * reminders' decision (lib/reminders/decide.ts) asks it, inside its own statement, only of the
 * learners no earlier rule has named (one plan per learner, found by its unique key).
 */
export function checkInDueFor(userId: Prisma.Sql, now: Date): Prisma.Sql {
  // The rounds a plan has nothing left to ask at are kept on its row by triggers as its actions
  // and reports change (answeredRounds, docs/decisions/0036): due is its latest arrived round
  // not among them.
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "ActionPlan" p
    WHERE p."userId" = ${userId} AND p."filedAt" + interval '30 days' <= ${now}
      AND NOT coalesce(CASE WHEN p."filedAt" + interval '90 days' <= ${now} THEN 90
                            WHEN p."filedAt" + interval '60 days' <= ${now} THEN 60
                            ELSE 30 END = ANY(p."answeredRounds"), false)
  )`;
}

export async function learnersWithCheckInDue(db: PrismaClient, cohortId: string, now: Date): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    SELECT cm."userId" AS user_id FROM "CohortMember" cm
    WHERE cm."cohortId" = ${cohortId} AND ${checkInDueFor(Prisma.sql`cm."userId"`, now)}`;
  return new Set(rows.map((r) => r.user_id));
}
