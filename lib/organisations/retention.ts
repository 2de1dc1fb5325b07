// The retention rule for learners' personal data (decision 0020). At the end of a contract it is
// erased at once (close.ts); while a contract runs, a learner who has not learned for longer than
// their organisation's retention days is erased by the daily job (npm run data:purge). A learner
// of several open organisations is kept while any of them still keeps them (the longest days).
// Learning activity is what the app records: joining a cohort, a lesson done, a quiz attempt;
// the account's creation counts as the first.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PURGE_ACTOR, recordAudit } from "@/lib/audit/audit-log";
import { eraseLearners } from "./erase";

async function inactiveLearnerIds(db: Pick<PrismaClient, "$queryRaw">, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH belongs AS (
      SELECT u.id AS user_id, o."retentionDays" AS days
      FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId"
      WHERE o."closedAt" IS NULL
      UNION ALL
      SELECT cm."userId", o."retentionDays"
      FROM "CohortMember" cm JOIN "Cohort" c ON c.id = cm."cohortId" JOIN "Organisation" o ON o.id = c."organisationId"
      WHERE o."closedAt" IS NULL
    ), keep AS (SELECT user_id, max(days) AS days FROM belongs GROUP BY user_id)
    SELECT u.id FROM "User" u JOIN keep k ON k.user_id = u.id
    WHERE u.role = 'LEARNER' AND u."erasedAt" IS NULL
      AND GREATEST(
        u."createdAt",
        (SELECT max(cm."joinedAt") FROM "CohortMember" cm WHERE cm."userId" = u.id),
        (SELECT max(lp."completedAt") FROM "LessonProgress" lp WHERE lp."userId" = u.id),
        (SELECT max(COALESCE(a."submittedAt", a."startedAt")) FROM "Attempt" a WHERE a."userId" = u.id)
      ) < ${now}::timestamp - k.days * interval '1 day'
    ORDER BY u.id`;
  return rows.map((r) => r.id);
}

/** How many learners the job would erase now (its --dry-run). */
export async function countInactiveLearners(db: PrismaClient, now = new Date()) {
  return (await inactiveLearnerIds(db, now)).length;
}

/** Erases them, with one audit event when there were any; returns how many. */
export async function purgeInactiveLearners(db: PrismaClient, now = new Date()): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const ids = await inactiveLearnerIds(tx, now);
      const erased = await eraseLearners(tx, ids, now);
      if (erased > 0) {
        await recordAudit(
          tx,
          PURGE_ACTOR,
          { action: "LEARNER_PURGE", detail: "超过机构个人信息保留天数未学习，删除学员个人信息", rows: erased },
          now,
        );
      }
      return erased;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
