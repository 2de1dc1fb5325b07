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
  const rows = await db.$queryRaw<{ cohort_id: string; tag: string; total: number; correct: number }[]>`
    WITH latest AS MATERIALIZED (
      SELECT DISTINCT ON (cm."cohortId", a."userId", a."quizId") cm."cohortId" AS cohort_id, a.id, a."questionIds"
      FROM "Attempt" a JOIN "CohortMember" cm ON cm."userId" = a."userId" AND cm."cohortId" = ANY(${cohortIds}::text[])
      WHERE a."submittedAt" IS NOT NULL
      ORDER BY cm."cohortId", a."userId", a."quizId", a."submittedAt" DESC
    ),
    -- How many times each question was met (unnest, no join) and how many of those were right
    -- (one hash join with Answer). Probing Answer pair by pair is several times slower at scale.
    met AS (
      SELECT l.cohort_id, q.qid, count(*)::int AS total
      FROM latest l CROSS JOIN LATERAL unnest(l."questionIds") AS q(qid)
      GROUP BY 1, 2
    ),
    right_answers AS (
      SELECT l.cohort_id, ans."questionVersionId" AS qid, count(*)::int AS correct
      FROM latest l JOIN "Answer" ans ON ans."attemptId" = l.id
      WHERE ans.correct
      GROUP BY 1, 2
    ),
    per_question AS (
      SELECT m.cohort_id, m.qid, m.total, coalesce(r.correct, 0) AS correct
      FROM met m LEFT JOIN right_answers r ON r.cohort_id = m.cohort_id AND r.qid = m.qid
    )
    SELECT p.cohort_id, tag, sum(p.total)::int AS total, sum(p.correct)::int AS correct
    FROM per_question p JOIN "QuestionVersion" qv ON qv.id = p.qid
    CROSS JOIN LATERAL jsonb_array_elements_text(qv.data -> 'tags') AS tag
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
