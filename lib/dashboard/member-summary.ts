// One row per (cohort, learner) with everything the overview and the progress matrix need,
// computed in PostgreSQL in a single statement: lesson and attempt counts grouped per learner
// and joined to the course shape. No per-learner queries, so 10,000 learners cost one round
// trip, not 10,000. Joins are shaped for hash joins over the rows that exist (learners ×
// modules actually touched), never a learners × modules cross product.
import { Prisma } from "@/lib/generated/prisma/client";
import { shapeArrays, type CourseShape } from "./course-shape";

/** The learners to summarise: rows of (cohort_id, user_id, joined_at[, anything else]). */
export function cohortMembersSql(cohortIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT cm."cohortId" AS cohort_id, cm."userId" AS user_id, cm."joinedAt" AS joined_at
    FROM "CohortMember" cm WHERE cm."cohortId" = ANY(${cohortIds}::text[])`;
}

/**
 * A WITH clause defining `summary_flags(<members' columns>, lessons_done, modules_done,
 * final_best, final_passed, certified_at, last_active, status, inactive)`. `status` is
 * completed | in_progress | not_started; `inactive` follows stats.isInactive.
 */
export function memberSummaryCte(shape: CourseShape, members: Prisma.Sql, inactiveBefore: Date): Prisma.Sql {
  const a = shapeArrays(shape);
  const lessonModules = shape.modules.flatMap((m) => m.lessons.map(() => m.slug));
  const lessonSlugs = shape.modules.flatMap((m) => m.lessons);
  return Prisma.sql`
WITH shape AS (
  SELECT * FROM unnest(${a.moduleSlugs}::text[], ${a.lessonCounts}::int[], ${a.moduleQuizzes}::text[]) AS s(module, lessons, quiz)
),
shape_lessons AS (SELECT * FROM unnest(${lessonModules}::text[], ${lessonSlugs}::text[]) AS sl(module, lesson)),
members AS (${members}),
lp AS (
  -- Lessons done per learner and module, counting only lessons still in the course.
  SELECT p."userId" AS user_id, p."moduleSlug" AS module, count(*)::int AS n, max(p."completedAt") AS last
  FROM "LessonProgress" p JOIN shape_lessons sl ON sl.module = p."moduleSlug" AND sl.lesson = p."lessonSlug"
  WHERE p."userId" IN (SELECT user_id FROM members)
  GROUP BY 1, 2
),
qa AS (
  SELECT t."userId" AS user_id, t."quizId" AS quiz, max(t.percent) AS best, coalesce(bool_or(t.passed), false) AS passed,
         max(greatest(t."startedAt", t."submittedAt")) AS last
  FROM "Attempt" t WHERE t."userId" IN (SELECT user_id FROM members)
  GROUP BY 1, 2
),
per_learner AS (
  SELECT lp.user_id, sum(lp.n)::int AS lessons_done, max(lp.last) AS last,
         count(*) FILTER (WHERE lp.n >= s.lessons AND (s.quiz = '' OR coalesce(q.passed, false)))::int AS modules_done
  FROM lp JOIN shape s ON s.module = lp.module
  LEFT JOIN qa q ON q.user_id = lp.user_id AND q.quiz = s.quiz
  GROUP BY lp.user_id
),
quiz_learner AS (
  SELECT user_id, max(last) AS last,
         max(best) FILTER (WHERE quiz = ${a.finalQuizId}) AS final_best,
         coalesce(bool_or(passed) FILTER (WHERE quiz = ${a.finalQuizId}), false) AS final_passed
  FROM qa GROUP BY user_id
),
summary AS (
  SELECT m.*, coalesce(p.lessons_done, 0) AS lessons_done, coalesce(p.modules_done, 0) AS modules_done,
         ql.final_best, coalesce(ql.final_passed, false) AS final_passed, c."issuedAt" AS certified_at,
         greatest(p.last, ql.last) AS last_active,
         -- Completed = holds the certificate: it is issued the moment the course is complete and
         -- stays valid if the course later grows, so the overview, matrix and export agree.
         CASE WHEN c."issuedAt" IS NOT NULL THEN 'completed'
              WHEN p.user_id IS NOT NULL OR ql.user_id IS NOT NULL THEN 'in_progress'
              ELSE 'not_started' END AS status
  FROM members m
  LEFT JOIN per_learner p ON p.user_id = m.user_id
  LEFT JOIN quiz_learner ql ON ql.user_id = m.user_id
  LEFT JOIN "Certificate" c ON c."userId" = m.user_id
),
summary_flags AS (
  SELECT s.*, (s.status <> 'completed' AND coalesce(s.last_active, s.joined_at) < ${inactiveBefore}) AS inactive FROM summary s
)`;
}
