// Topic mastery per cohort, 分行 and tag, for the 结项报告 (docs/decisions/0027). The same kept
// per-learner counts as getTopicMastery (LearnerTopic, docs/decisions/0028), grouped once more by
// the learner's 分行 from the roster; the cohort's whole figure is the sum of its 分行 rows, so
// the report needs this one statement, not both.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type BranchTopicRow = { cohortId: string; branch: string; tag: string; correct: number; total: number };

export async function getTopicMasteryByBranch(db: PrismaClient, cohortIds: string[]): Promise<BranchTopicRow[]> {
  if (cohortIds.length === 0) return [];
  return db.$queryRaw<BranchTopicRow[]>`
    SELECT cm."cohortId", coalesce(btrim(u.branch), '') AS branch, t.tag,
           sum(t."right")::int AS correct, sum(t.total)::int AS total
    FROM "CohortMember" cm
    JOIN "LearnerTopic" t ON t."userId" = cm."userId"
    JOIN "User" u ON u.id = cm."userId"
    WHERE cm."cohortId" = ANY(${cohortIds}::text[])
    GROUP BY 1, 2, 3`;
}
