// The cohort overview: how many enrolled, started, completed, the average final score, who has
// gone quiet, and completions over time. One grouped query for any number of cohorts.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "./course-shape";
import { cohortMembersSql } from "./member-summary";
import { INACTIVE_DAYS, share } from "./stats";

export type CohortOverview = {
  cohortId: string;
  enrolled: number;
  started: number;
  completed: number;
  inactive: number;
  startedShare: number | null;
  completedShare: number | null;
  /** Mean of each taker's best final-assessment percent; null when nobody has taken it. */
  averageFinal: number | null;
  finalTakers: number;
};

export function inactiveCutoff(now: Date): Date {
  return new Date(now.getTime() - INACTIVE_DAYS * 86_400_000);
}

export async function getCohortOverviews(db: PrismaClient, shape: CourseShape, cohortIds: string[], now = new Date()) {
  const out = new Map<string, CohortOverview>();
  for (const id of cohortIds) out.set(id, emptyOverview(id));
  if (cohortIds.length === 0) return out;
  // Lighter than the matrix's per-module summary: the overview needs only whether each learner
  // has done anything, when last, their best final score and whether they hold a certificate,
  // one summary row each (docs/decisions/0028) instead of every tick and attempt.
  const finalQuiz = shape.finalQuizId ?? "";
  const rows = await db.$queryRaw<
    {
      cohort_id: string;
      enrolled: number;
      started: number;
      completed: number;
      inactive: number;
      avg_final: number | null;
      final_takers: number;
    }[]
  >`WITH members AS (${cohortMembersSql(cohortIds)})
    SELECT m.cohort_id,
           count(*)::int AS enrolled,
           count(la."userId")::int AS started,
           count(c."userId")::int AS completed,
           count(*) FILTER (WHERE c."userId" IS NULL AND coalesce(la."activeAt", m.joined_at) < ${inactiveCutoff(now)})::int AS inactive,
           avg(f.best)::float8 AS avg_final,
           count(f.best)::int AS final_takers
    FROM members m
    LEFT JOIN "LearnerActivity" la ON la."userId" = m.user_id
    LEFT JOIN "ProgressSummary" f ON f."userId" = m.user_id AND f.unit = ${finalQuiz}
    LEFT JOIN "Certificate" c ON c."userId" = m.user_id
    GROUP BY m.cohort_id`;
  for (const r of rows) {
    out.set(r.cohort_id, {
      cohortId: r.cohort_id,
      enrolled: r.enrolled,
      started: r.started,
      completed: r.completed,
      inactive: r.inactive,
      startedShare: share(r.started, r.enrolled),
      completedShare: share(r.completed, r.enrolled),
      averageFinal: r.avg_final,
      finalTakers: r.final_takers,
    });
  }
  return out;
}

function emptyOverview(cohortId: string): CohortOverview {
  return {
    cohortId,
    enrolled: 0,
    started: 0,
    completed: 0,
    inactive: 0,
    startedShare: null,
    completedShare: null,
    averageFinal: null,
    finalTakers: 0,
  };
}

export type TimelinePoint = { day: string; completions: number; modulePasses: number; cumulativeCompletions: number };

/**
 * Per day (China time): course completions (certificates) and first passes of module quizzes.
 * Days with neither are left out; the chart's time axis spaces them correctly.
 */
export async function getCompletionTimeline(
  db: PrismaClient,
  shape: CourseShape,
  cohortId: string,
): Promise<TimelinePoint[]> {
  const moduleQuizzes = shape.modules.flatMap((m) => (m.quizId ? [m.quizId] : []));
  const rows = await db.$queryRaw<{ day: string; completions: number; passes: number }[]>`
    WITH members AS (SELECT "userId" AS user_id FROM "CohortMember" WHERE "cohortId" = ${cohortId}),
    certs AS (
      SELECT to_char(c."issuedAt" + interval '8 hours', 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "Certificate" c JOIN members m ON m.user_id = c."userId" GROUP BY 1
    ),
    passes AS (
      -- Each learner's first pass of each module quiz, kept in the progress summary (0028).
      SELECT to_char(ps."firstPassAt" + interval '8 hours', 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM "ProgressSummary" ps JOIN members m ON m.user_id = ps."userId"
      WHERE ps.unit = ANY(${moduleQuizzes}::text[]) AND ps."firstPassAt" IS NOT NULL
      GROUP BY 1
    )
    SELECT coalesce(c.day, p.day) AS day, coalesce(c.n, 0)::int AS completions, coalesce(p.n, 0)::int AS passes
    FROM certs c FULL JOIN passes p ON p.day = c.day ORDER BY 1`;
  let total = 0;
  return rows.map((r) => {
    total += r.completions;
    return { day: r.day, completions: r.completions, modulePasses: r.passes, cumulativeCompletions: total };
  });
}
