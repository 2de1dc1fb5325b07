// The per-learner roll-up (docs/decisions/0028, "Per-learner roll-up"): LearnerProgress holds each
// learner's lessons of the course ticked and modules done, for the one course the database keeps
// it for (ProgressRollupShape / ProgressRollupModule). The app keeps it for the content's course at
// start-up (prisma/seed.ts prepareDatabase); a trigger on ProgressSummary keeps it current. Readers
// compare the course they mean with the kept one inside their statement and compute from the
// summaries as before when it differs (tests and benchmarks with other courses, a deploy that
// changed the course and has not restarted yet), so the answer never depends on it being kept.
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "./course-shape";

/** What of the course the roll-up depends on: each module's lessons and quiz. */
function rollupModules(shape: CourseShape) {
  return shape.modules.map((m) => ({ module: m.slug, lessons: m.lessons, quizId: m.quizId ?? "" }));
}

export function rollupKey(shape: CourseShape): string {
  return createHash("md5")
    .update(JSON.stringify(rollupModules(shape)))
    .digest("hex");
}

/**
 * Keeps LearnerProgress for `shape`, rebuilding it if another course is kept (writers of progress
 * wait while it runs: about a second per 10,000 learners). Returns whether it rebuilt.
 */
export async function keepProgressRollupFor(db: PrismaClient, shape: CourseShape): Promise<boolean> {
  const [row] = await db.$queryRaw<{ rebuilt: boolean }[]>`
    SELECT progress_rollup_keep(${rollupKey(shape)}, ${JSON.stringify(rollupModules(shape))}::jsonb) AS rebuilt`;
  return row?.rebuilt ?? false;
}

/** SQL true when LearnerProgress is kept for `shape` (evaluated once per statement). */
export function rollupKeptFor(shape: CourseShape): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ProgressRollupShape" WHERE key = ${rollupKey(shape)})`;
}
