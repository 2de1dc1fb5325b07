// The progress summaries the trainer pages read at bank scale (docs/decisions/0028): one row per
// learner and unit (a module's ticks, a quiz's attempts) in ProgressSummary, one per learner in
// LearnerActivity, one per learner and topic tag in LearnerTopic, and (for the course kept,
// lib/dashboard/learner-progress.ts) one per learner in LearnerProgress. Triggers on LessonProgress,
// Attempt and Answer keep them up to date inside the writing transaction (migrations
// progress_summaries, learner_topics), so every writer is covered: the domain code, the
// demo seed, imports and test fixtures. The same definitions from scratch are the database views
// progress_summary_source, learner_activity_source, learner_topic_source and learner_progress_source; this module rebuilds from them and reports
// any difference, which tests/integration/progress-summary.test.ts checks after random workloads.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

const SUMMARY_COLUMNS =
  Prisma.raw(`"userId", unit, coalesce(lessons, ARRAY[]::TEXT[]) AS lessons, "lessonsAt", attempts, best, passed,
  "firstPassAt", "attemptAt", "firstSubmittedAt", "firstAttemptId", "lastSubmittedAt", "lastAttemptId"`);

/** Recomputes both summaries from the lesson ticks and attempts (a repair; the triggers keep them). */
export async function rebuildProgressSummaries(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    // One rebuild at a time; writers wait for it rather than race it.
    await tx.$executeRaw`LOCK TABLE "ProgressSummary", "LearnerActivity", "LearnerTopic", "LearnerProgress" IN EXCLUSIVE MODE`;
    await tx.$queryRaw`SELECT progress_summary_rebuild()::text`;
  });
}

export type SummaryDrift = { summaryRows: number; activityRows: number; topicRows: number; rollupRows: number };

/** Rows that differ between the maintained summaries and the same computed from scratch (both ways). */
export async function progressSummaryDrift(db: PrismaClient): Promise<SummaryDrift> {
  const [row] = await db.$queryRaw<{ summary: number; activity: number; topics: number; rollup: number }[]>`
    WITH kept AS (SELECT ${SUMMARY_COLUMNS} FROM "ProgressSummary"),
    fresh AS (SELECT ${SUMMARY_COLUMNS} FROM progress_summary_source),
    kept_a AS (SELECT "userId", "activeAt", "doneAt" FROM "LearnerActivity"),
    fresh_a AS (SELECT "userId", "activeAt", "doneAt" FROM learner_activity_source),
    kept_t AS (SELECT "userId", tag, "right", total FROM "LearnerTopic"),
    fresh_t AS (SELECT "userId", tag, "right", total FROM learner_topic_source),
    kept_r AS (SELECT "userId", "lessonsDone", "modulesDone", modules FROM "LearnerProgress"),
    fresh_r AS (SELECT "userId", "lessonsDone", "modulesDone", modules FROM learner_progress_source)
    SELECT (SELECT count(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM fresh) UNION ALL (SELECT * FROM fresh EXCEPT SELECT * FROM kept)) d)::int AS summary,
           (SELECT count(*) FROM ((SELECT * FROM kept_a EXCEPT SELECT * FROM fresh_a) UNION ALL (SELECT * FROM fresh_a EXCEPT SELECT * FROM kept_a)) d)::int AS activity,
           (SELECT count(*) FROM ((SELECT * FROM kept_t EXCEPT SELECT * FROM fresh_t) UNION ALL (SELECT * FROM fresh_t EXCEPT SELECT * FROM kept_t)) d)::int AS topics,
           (SELECT count(*) FROM ((SELECT * FROM kept_r EXCEPT SELECT * FROM fresh_r) UNION ALL (SELECT * FROM fresh_r EXCEPT SELECT * FROM kept_r)) d)::int AS rollup`;
  return {
    summaryRows: row?.summary ?? 0,
    activityRows: row?.activity ?? 0,
    topicRows: row?.topics ?? 0,
    rollupRows: row?.rollup ?? 0,
  };
}
