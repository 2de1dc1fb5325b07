// One row per (cohort, learner) with everything the overview and the progress matrix need,
// computed in PostgreSQL in a single statement: grouped lesson and attempt counts joined to the
// course shape. No per-learner queries, so 10,000 learners cost one round trip, not 10,000.
import { Prisma } from "@/lib/generated/prisma/client";
import { shapeArrays, type CourseShape } from "./course-shape";

/**
 * A WITH clause defining `summary(cohort_id, user_id, joined_at, lessons_done, modules_done,
 * modules_started, final_best, final_passed, certified_at, last_active, status, inactive)`.
 * `status` is completed | in_progress | not_started; `inactive` follows stats.isInactive.
 */
export function memberSummaryCte(shape: CourseShape, cohortIds: string[], inactiveBefore: Date): Prisma.Sql {
  const a = shapeArrays(shape);
  const moduleCount = shape.modules.length;
  return Prisma.sql`
WITH shape AS (
  SELECT * FROM unnest(${a.moduleSlugs}::text[], ${a.lessonCounts}::int[], ${a.moduleQuizzes}::text[]) AS s(module, lessons, quiz)
),
members AS (
  SELECT cm."cohortId" AS cohort_id, cm."userId" AS user_id, cm."joinedAt" AS joined_at
  FROM "CohortMember" cm WHERE cm."cohortId" = ANY(${cohortIds}::text[])
),
learners AS (SELECT DISTINCT user_id FROM members),
lp AS (
  SELECT p."userId" AS user_id, p."moduleSlug" AS module, count(*)::int AS n, max(p."completedAt") AS last
  FROM "LessonProgress" p JOIN learners l ON l.user_id = p."userId"
  WHERE (p."moduleSlug" || '/' || p."lessonSlug") = ANY(${a.lessonKeys}::text[])
  GROUP BY 1, 2
),
qa AS (
  SELECT t."userId" AS user_id, t."quizId" AS quiz, max(t.percent) AS best, coalesce(bool_or(t.passed), false) AS passed,
         count(*)::int AS attempts, max(greatest(t."startedAt", t."submittedAt")) AS last
  FROM "Attempt" t JOIN learners l ON l.user_id = t."userId"
  GROUP BY 1, 2
),
per_learner AS (
  SELECT l.user_id,
         coalesce(sum(lp.n), 0)::int AS lessons_done,
         count(*) FILTER (WHERE coalesce(lp.n, 0) >= s.lessons AND s.lessons > 0 AND (s.quiz = '' OR coalesce(q.passed, false)))::int AS modules_done,
         count(*) FILTER (WHERE coalesce(lp.n, 0) > 0 OR coalesce(q.attempts, 0) > 0)::int AS modules_started
  FROM learners l CROSS JOIN shape s
  LEFT JOIN lp ON lp.user_id = l.user_id AND lp.module = s.module
  LEFT JOIN qa q ON q.user_id = l.user_id AND q.quiz = s.quiz
  GROUP BY l.user_id
),
activity AS (
  SELECT user_id, max(last) AS last FROM (SELECT user_id, last FROM lp UNION ALL SELECT user_id, last FROM qa) u GROUP BY 1
),
rolled AS (
  SELECT p.*, f.best AS final_best, coalesce(f.passed, false) AS final_passed, c."issuedAt" AS certified_at, act.last AS last_active
  FROM per_learner p
  LEFT JOIN activity act ON act.user_id = p.user_id
  LEFT JOIN qa f ON f.user_id = p.user_id AND f.quiz = ${a.finalQuizId}
  LEFT JOIN "Certificate" c ON c."userId" = p.user_id
),
summary AS (
  SELECT m.cohort_id, m.user_id, m.joined_at, r.lessons_done, r.modules_done, r.modules_started,
         r.final_best, r.final_passed, r.certified_at, r.last_active,
         CASE WHEN r.certified_at IS NOT NULL OR (r.modules_done = ${moduleCount} AND (${a.finalQuizId} = '' OR r.final_passed)) THEN 'completed'
              WHEN r.lessons_done > 0 OR r.last_active IS NOT NULL THEN 'in_progress'
              ELSE 'not_started' END AS status
  FROM members m JOIN rolled r ON r.user_id = m.user_id
),
summary_flags AS (
  SELECT s.*, (s.status <> 'completed' AND coalesce(s.last_active, s.joined_at) < ${inactiveBefore}) AS inactive FROM summary s
)`;
}
