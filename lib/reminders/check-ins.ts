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
  return Prisma.sql`EXISTS (
    SELECT 1 FROM (
      SELECT p.id,
             CASE WHEN p."filedAt" + interval '90 days' <= ${now} THEN 90
                  WHEN p."filedAt" + interval '60 days' <= ${now} THEN 60
                  ELSE 30 END AS round
      FROM "ActionPlan" p
      WHERE p."userId" = ${userId} AND p."filedAt" + interval '30 days' <= ${now}
    ) p
    WHERE EXISTS (
      SELECT 1 FROM "PlanAction" a
      WHERE a."planId" = p.id AND NOT EXISTS (
        SELECT 1 FROM "ActionCheckIn" c
        WHERE c."actionId" = a.id AND (c.round = p.round OR (c.round < p.round AND c.status IN ('DONE', 'ABANDONED')))
      )
    )
  )`;
}

export async function learnersWithCheckInDue(db: PrismaClient, cohortId: string, now: Date): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    SELECT cm."userId" AS user_id FROM "CohortMember" cm
    WHERE cm."cohortId" = ${cohortId} AND ${checkInDueFor(Prisma.sql`cm."userId"`, now)}`;
  return new Set(rows.map((r) => r.user_id));
}
