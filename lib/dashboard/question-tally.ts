// The question analysis's kept counts (docs/decisions/0028, "Amendment: kept question tallies"):
// per learner and quiz the contribution of their first submitted attempt (QuestionTallyFirst), and
// per cohort the sums the item analysis reads (QuestionPairTally per question met, QuestionAnswerTally
// per question and distinct answer). Statement triggers on Attempt, Answer and CohortMember keep
// them inside every writing transaction (migration question_tallies). The same from scratch are the
// views question_tally_first_source, question_pair_tally_source and question_answer_tally_source:
// this module compares, repairs, and checks them cheaply at start-up.
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Recomputes every tally from the attempts, answers and memberships (writers wait meanwhile). */
export async function rebuildQuestionTallies(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE "QuestionTallyFirst", "QuestionPairTally", "QuestionAnswerTally" IN EXCLUSIVE MODE`;
    await tx.$queryRaw`SELECT question_tally_rebuild()::text`;
  });
}

export type QuestionTallyDrift = { firstRows: number; pairRows: number; answerRows: number };

/** Rows that differ between the kept tallies (stripes summed) and the same from scratch, either way. */
export async function questionTallyDrift(db: PrismaClient): Promise<QuestionTallyDrift> {
  const [row] = await db.$queryRaw<{ firsts: number; pairs: number; answers: number }[]>`
    WITH kept_f AS (SELECT "userId", "quizId", "attemptId", score, switches, "questionIds", answers FROM "QuestionTallyFirst"),
    fresh_f AS (SELECT "userId", "quizId", "attemptId", score, switches, "questionIds", answers FROM question_tally_first_source),
    kept_p AS (SELECT "cohortId", "quizId", "questionVersionId", sum(n)::int AS n, sum(s)::int AS s, sum(ss)::int AS ss,
                      sum(sw)::int AS sw, sum(swn)::int AS swn
               FROM "QuestionPairTally" GROUP BY 1, 2, 3 HAVING sum(n) <> 0),
    fresh_p AS (SELECT "cohortId", "quizId", "questionVersionId", n, s, ss, sw, swn FROM question_pair_tally_source),
    kept_a AS (SELECT "cohortId", "quizId", "questionVersionId", hash, sum(n)::int AS n, sum(s)::int AS s
               FROM "QuestionAnswerTally" GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
    fresh_a AS (SELECT "cohortId", "quizId", "questionVersionId", hash, n, s FROM question_answer_tally_source)
    SELECT (SELECT count(*) FROM ((SELECT * FROM kept_f EXCEPT SELECT * FROM fresh_f) UNION ALL (SELECT * FROM fresh_f EXCEPT SELECT * FROM kept_f)) d)::int AS firsts,
           (SELECT count(*) FROM ((SELECT * FROM kept_p EXCEPT SELECT * FROM fresh_p) UNION ALL (SELECT * FROM fresh_p EXCEPT SELECT * FROM kept_p)) d)::int AS pairs,
           (SELECT count(*) FROM ((SELECT * FROM kept_a EXCEPT SELECT * FROM fresh_a) UNION ALL (SELECT * FROM fresh_a EXCEPT SELECT * FROM kept_a)) d)::int AS answers`;
  return { firstRows: row?.firsts ?? 0, pairRows: row?.pairs ?? 0, answerRows: row?.answers ?? 0 };
}

/**
 * At start-up (prisma/seed.ts prepareDatabase): the kept first attempts must be the ones
 * ProgressSummary names (kept by its own triggers, same tie rule). Both disagree only if something
 * wrote attempts with triggers off (a restore with --disable-triggers, say); then everything is
 * rebuilt. One pass over the two tables (~20 ms at 10,000 learners), not the full comparison.
 * Returns whether it rebuilt.
 */
export async function keepQuestionTallies(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ off: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ProgressSummary" p FULL JOIN "QuestionTallyFirst" f ON f."userId" = p."userId" AND f."quizId" = p.unit
      WHERE (p."firstAttemptId" IS NOT NULL OR f."attemptId" IS NOT NULL) AND p."firstAttemptId" IS DISTINCT FROM f."attemptId"
    ) AS off`;
  if (!row?.off) return false;
  await rebuildQuestionTallies(db);
  return true;
}
