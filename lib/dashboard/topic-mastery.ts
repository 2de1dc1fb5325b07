// Share right per topic tag, for one or several cohorts side by side. Like a learner's own
// mastery on /me, it uses each learner's latest submitted attempt of each quiz (what they know
// now); an unanswered question in that attempt counts as wrong, as it did in the score.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { share } from "./stats";

export type TopicRow = {
  tag: string;
  cohorts: Record<string, { correct: number; total: number; share: number | null }>;
};

export async function getTopicMastery(db: PrismaClient, cohortIds: string[]): Promise<TopicRow[]> {
  if (cohortIds.length === 0) return [];
  // Per learner and tag, kept on every submit (docs/decisions/0028): one row per learner and tag
  // instead of every answer of every latest attempt.
  const rows = await db.$queryRaw<{ cohort_id: string; tag: string; total: number; correct: number }[]>`
    SELECT cm."cohortId" AS cohort_id, t.tag, sum(t.total)::int AS total, sum(t."right")::int AS correct
    FROM "CohortMember" cm JOIN "LearnerTopic" t ON t."userId" = cm."userId"
    WHERE cm."cohortId" = ANY(${cohortIds}::text[])
    GROUP BY 1, 2`;
  const byTag = new Map<string, TopicRow>();
  for (const r of rows) {
    const row = byTag.get(r.tag) ?? { tag: r.tag, cohorts: {} };
    row.cohorts[r.cohort_id] = { correct: r.correct, total: r.total, share: share(r.correct, r.total) };
    byTag.set(r.tag, row);
  }
  // Weakest first (by the first cohort), so what needs attention is at the top.
  const first = cohortIds[0]!;
  return [...byTag.values()].sort(
    (a, b) => (a.cohorts[first]?.share ?? 2) - (b.cohorts[first]?.share ?? 2) || a.tag.localeCompare(b.tag, "zh-CN"),
  );
}
