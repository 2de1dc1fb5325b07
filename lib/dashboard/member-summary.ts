// One row per (cohort, learner) with everything the overview and the progress matrix need,
// computed in PostgreSQL in a single statement from the progress summaries (lib/dashboard/
// progress-summary.ts, docs/decisions/0028): one row per learner and module or quiz, kept up to
// date on every write, instead of every lesson tick and attempt. No per-learner queries, so
// 10,000 learners cost one round trip, not 10,000. The course shape is applied here, at read
// time: a tick of a lesson that has since left the course counts for nothing.
import { Prisma } from "@/lib/generated/prisma/client";
import { shapeArrays, type CourseShape } from "./course-shape";
import { rollupKeptFor } from "./learner-progress";

/** The learners to summarise: rows of (cohort_id, user_id, joined_at[, anything else]). */
export function cohortMembersSql(cohortIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT cm."cohortId" AS cohort_id, cm."userId" AS user_id, cm."joinedAt" AS joined_at
    FROM "CohortMember" cm WHERE cm."cohortId" = ANY(${cohortIds}::text[])`;
}

/** The summary rows module_rows reads by default: every row of every member. */
const membersRows = Prisma.sql`(SELECT * FROM "ProgressSummary" WHERE "userId" IN (SELECT user_id FROM members))`;

/**
 * CTEs (to follow a WITH, after `members(user_id, …)`) defining
 * `module_rows(user_id, module, lessons_done, done)`: per learner and module of the course that
 * they have ticked lessons in, the lessons of the course ticked and whether the module is done
 * (every lesson ticked and its quiz, if any, passed). One pass over the members' summary rows, or
 * over `rows` (ProgressSummary rows) when the caller needs only some of them.
 */
export function moduleRowsCtes(shape: CourseShape, rows: Prisma.Sql = membersRows): Prisma.Sql {
  const a = shapeArrays(shape);
  const lessonModules = shape.modules.flatMap((m) => m.lessons.map(() => m.slug));
  const lessonSlugs = shape.modules.flatMap((m) => m.lessons);
  // Module quizzes share their module's slug (content/ has no other kind), so one summary row
  // holds a module's ticks and its quiz. A shape that breaks this joins the quiz's own row.
  const sameRow = shape.modules.every((m) => m.quizId === null || m.quizId === m.slug);
  const quizPassed = sameRow
    ? Prisma.sql`ps.passed AS quiz_passed`
    : Prisma.sql`CASE WHEN s.quiz = s.module THEN ps.passed ELSE coalesce(q.passed, false) END AS quiz_passed`;
  const otherQuizJoin = sameRow
    ? Prisma.empty
    : Prisma.sql`LEFT JOIN "ProgressSummary" q ON q."userId" = ps."userId" AND q.unit = s.quiz AND s.quiz <> s.module`;
  return Prisma.sql`
shape AS (
  SELECT s.module, s.lessons, s.quiz, coalesce(sl.list, ARRAY[]::text[]) AS list
  FROM unnest(${a.moduleSlugs}::text[], ${a.lessonCounts}::int[], ${a.moduleQuizzes}::text[]) AS s(module, lessons, quiz)
  LEFT JOIN (
    SELECT module, array_agg(lesson) AS list FROM unnest(${lessonModules}::text[], ${lessonSlugs}::text[]) AS x(module, lesson) GROUP BY module
  ) sl ON sl.module = s.module
),
-- Planned on its own: a LIMIT on the page must not turn it into one index probe per learner.
module_rows AS MATERIALIZED (
  SELECT t.user_id, t.module, t.lessons_done,
         (t.total > 0 AND t.lessons_done >= t.total AND (t.quiz = '' OR t.quiz_passed)) AS done
  FROM (
    -- Narrow rows (no arrays) before anything joins or groups them. OFFSET 0 keeps the count
    -- from being computed twice (once more as a pushed-down filter).
    SELECT ps."userId" AS user_id, s.module, s.lessons AS total, s.quiz,
           -- Usually every tick is of a lesson still in the course; otherwise count only those.
           CASE WHEN ps.lessons <@ s.list THEN cardinality(ps.lessons)
                ELSE (SELECT count(*) FROM unnest(ps.lessons) x WHERE x = ANY(s.list)) END::int AS lessons_done,
           ${quizPassed}
    FROM ${rows} ps
    JOIN shape s ON s.module = ps.unit
    ${otherQuizJoin}
    WHERE cardinality(ps.lessons) > 0
    OFFSET 0
  ) t
  WHERE t.lessons_done > 0
)`;
}

/**
 * `per_learner(user_id, lessons_done, modules_done)` (a CTE to follow moduleRowsCtes): from the
 * module rows only when the per-learner roll-up is not kept for this course (lib/dashboard/
 * learner-progress.ts); otherwise empty, the module rows are never computed, and LearnerProgress's
 * one narrow row per learner is read instead (progressJoins).
 */
export function perLearnerCte(shape: CourseShape): Prisma.Sql {
  return Prisma.sql`per_learner AS (
  SELECT user_id, sum(lessons_done)::int AS lessons_done, count(*) FILTER (WHERE done)::int AS modules_done
  FROM module_rows WHERE NOT ${rollupKeptFor(shape)} GROUP BY user_id
)`;
}

/**
 * Joins giving member `m` (a row with user_id) its progress as lessonsDoneSql and modulesDoneSql:
 * the roll-up's row when it is kept for this course, else per_learner's. Both joins stay
 * removable when a query reads neither.
 */
export function progressJoins(shape: CourseShape): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "LearnerProgress" lp ON lp."userId" = m.user_id AND ${rollupKeptFor(shape)}
  LEFT JOIN per_learner p ON p.user_id = m.user_id`;
}
export const lessonsDoneSql = Prisma.sql`coalesce(lp."lessonsDone", p.lessons_done, 0)`;
export const modulesDoneSql = Prisma.sql`coalesce(lp."modulesDone", p.modules_done, 0)`;

/**
 * The figures of member `m` (user_id) beside their progress: final_best, final_passed,
 * certified_at, last_active and status (completed | in_progress | not_started), from the joins
 * factsJoins gives. Completed = holds the certificate: it is issued the moment the course is
 * complete and stays valid if the course later grows, so the overview, matrix and export agree.
 */
export const factsColumns = Prisma.sql`f.best AS final_best, coalesce(f.passed, false) AS final_passed,
         c."issuedAt" AS certified_at, la."activeAt" AS last_active,
         CASE WHEN c."issuedAt" IS NOT NULL THEN 'completed'
              WHEN la."userId" IS NOT NULL THEN 'in_progress'
              ELSE 'not_started' END AS status`;

export function factsJoins(shape: CourseShape): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "ProgressSummary" f ON f."userId" = m.user_id AND f.unit = ${shapeArrays(shape).finalQuizId}
  LEFT JOIN "LearnerActivity" la ON la."userId" = m.user_id
  LEFT JOIN "Certificate" c ON c."userId" = m.user_id`;
}

/** Inactive (stats.isInactive): not completed, and nothing since the cutoff (or, never started, joined before it). */
export function inactiveSql(s: Prisma.Sql, inactiveBefore: Date): Prisma.Sql {
  return Prisma.sql`(${s}.status <> 'completed' AND coalesce(${s}.last_active, ${s}.joined_at) < ${inactiveBefore})`;
}

/**
 * "Member `m` (user_id, joined_at) has this status" (factsColumns), or "is inactive"
 * (inactiveSql: not completed and nothing since `inactiveBefore`, or never started and
 * joined before it), as tests of existence the planner can estimate and join in bulk: on the
 * CASE it guesses 20 of 4,000 members and plans one index probe per member (npm run bench).
 */
export function memberStatusIs(
  status: "completed" | "in_progress" | "not_started" | "inactive",
  inactiveBefore: Date,
): Prisma.Sql {
  const certified = Prisma.sql`EXISTS (SELECT 1 FROM "Certificate" c WHERE c."userId" = m.user_id)`;
  const started = Prisma.sql`EXISTS (SELECT 1 FROM "LearnerActivity" la WHERE la."userId" = m.user_id)`;
  switch (status) {
    case "completed":
      return certified;
    case "in_progress":
      return Prisma.sql`NOT ${certified} AND ${started}`;
    case "not_started":
      return Prisma.sql`NOT ${certified} AND NOT ${started}`;
    case "inactive":
      // coalesce(last active, joined) < cutoff, with the activity row optional.
      return Prisma.sql`NOT ${certified}
        AND NOT EXISTS (SELECT 1 FROM "LearnerActivity" la WHERE la."userId" = m.user_id AND la."activeAt" >= ${inactiveBefore})
        AND (m.joined_at < ${inactiveBefore} OR ${started})`;
  }
}

/**
 * A WITH clause defining `summary_flags(<members' columns>, lessons_done, modules_done,
 * final_best, final_passed, certified_at, last_active, status, inactive)`. `status` is
 * completed | in_progress | not_started; `inactive` follows stats.isInactive.
 */
export function memberSummaryCte(shape: CourseShape, members: Prisma.Sql, inactiveBefore: Date): Prisma.Sql {
  return Prisma.sql`
WITH members AS (${members}),
${moduleRowsCtes(shape)},
${perLearnerCte(shape)},
summary AS (
  SELECT m.*, ${lessonsDoneSql} AS lessons_done, ${modulesDoneSql} AS modules_done, ${factsColumns}
  FROM members m
  ${progressJoins(shape)}
  ${factsJoins(shape)}
),
summary_flags AS (
  SELECT s.*, ${inactiveSql(Prisma.sql`s`, inactiveBefore)} AS inactive FROM summary s
)`;
}
