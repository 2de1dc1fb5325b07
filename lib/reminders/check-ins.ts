// The action-plan check-in rule's source: the cohort's learners whose 30/60/90-day check-in is due
// (lib/action-plans, decision 0025). The rule of lib/action-plans/rules.ts checkInDue, counted in
// PostgreSQL so a cohort of thousands of plans returns only the learners it names (docs/decisions/
// 0028); tests/integration/action-plans.test.ts checks it against dueCheckIns on demo plans at
// every stage. A plan is due when its latest arrived round has an action still open before that
// round (no 完成 or 放弃 report earlier) and not reported in it.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A SELECT of `user_id`: the cohort's learners with a check-in due. A fragment, so the reminders'
 * decision (lib/reminders/decide.ts) runs it inside its own statement.
 */
export function checkInDueSql(cohortId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH plans AS (
      SELECT p.id, p."userId" AS user_id,
             CASE WHEN p."filedAt" + interval '90 days' <= ${now} THEN 90
                  WHEN p."filedAt" + interval '60 days' <= ${now} THEN 60
                  ELSE 30 END AS round
      FROM "ActionPlan" p JOIN "CohortMember" cm ON cm."userId" = p."userId" AND cm."cohortId" = ${cohortId}
      WHERE p."filedAt" + interval '30 days' <= ${now}
    )
    SELECT DISTINCT p.user_id FROM plans p
    WHERE EXISTS (
      SELECT 1 FROM "PlanAction" a
      WHERE a."planId" = p.id AND NOT EXISTS (
        SELECT 1 FROM "ActionCheckIn" c
        WHERE c."actionId" = a.id AND (c.round = p.round OR (c.round < p.round AND c.status IN ('DONE', 'ABANDONED')))
      )
    )`;
}

export async function learnersWithCheckInDue(db: PrismaClient, cohortId: string, now: Date): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ user_id: string }[]>(checkInDueSql(cohortId, now));
  return new Set(rows.map((r) => r.user_id));
}
