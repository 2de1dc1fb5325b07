-- CreateTable
CREATE TABLE "LearnerProgress" (
    "userId" TEXT NOT NULL,
    "lessonsDone" INTEGER NOT NULL,
    "modulesDone" INTEGER NOT NULL,
    "modules" TEXT[],

    CONSTRAINT "LearnerProgress_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ProgressRollupShape" (
    "key" TEXT NOT NULL,

    CONSTRAINT "ProgressRollupShape_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ProgressRollupModule" (
    "module" TEXT NOT NULL,
    "lessons" TEXT[],
    "quizId" TEXT NOT NULL,

    CONSTRAINT "ProgressRollupModule_pkey" PRIMARY KEY ("module")
);

-- LearnerProgress from scratch (docs/decisions/0028, "Per-learner roll-up"): per learner, the
-- lessons of each kept module ticked, and the modules done: every lesson ticked and the module's
-- quiz, if any, passed. The same rule as moduleRowsCtes in lib/dashboard/member-summary.ts.
-- Empty while no course is kept.
CREATE VIEW learner_progress_source AS
SELECT t."userId", sum(t.lessons_done)::int AS "lessonsDone",
       count(*) FILTER (WHERE t.done)::int AS "modulesDone",
       coalesce(array_agg(t.module ORDER BY t.module) FILTER (WHERE t.done), ARRAY[]::TEXT[]) AS modules
FROM (
  SELECT ps."userId", m.module, c.n AS lessons_done,
         (cardinality(m.lessons) > 0 AND c.n >= cardinality(m.lessons)
          AND (m."quizId" = '' OR coalesce(q.passed, false))) AS done
  FROM "ProgressSummary" ps
  JOIN "ProgressRollupModule" m ON m.module = ps.unit
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM unnest(ps.lessons) l WHERE l = ANY(m.lessons)) c
  LEFT JOIN "ProgressSummary" q ON q."userId" = ps."userId" AND q.unit = m."quizId"
  WHERE c.n > 0
) t
GROUP BY t."userId";

-- One learner's row, recomputed from their few summary rows. The learner's lock first, then the
-- read in a statement of its own: a concurrent change of the same learner waits for this
-- transaction and then sees it, so neither is lost (the topic tallies do the same).
CREATE FUNCTION learner_progress_refresh(u TEXT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''learner_progress''), hashtext(u))\073
  INSERT INTO "LearnerProgress" ("userId", "lessonsDone", "modulesDone", modules)
  SELECT s."userId", s."lessonsDone", s."modulesDone", s.modules FROM learner_progress_source s WHERE s."userId" = u
  ON CONFLICT ("userId") DO UPDATE SET "lessonsDone" = EXCLUDED."lessonsDone", "modulesDone" = EXCLUDED."modulesDone",
    modules = EXCLUDED.modules\073
  IF NOT FOUND THEN
    DELETE FROM "LearnerProgress" WHERE "userId" = u\073
  END IF\073
END';

CREATE FUNCTION learner_progress_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "LearnerProgress"\073
  INSERT INTO "LearnerProgress" ("userId", "lessonsDone", "modulesDone", modules)
  SELECT s."userId", s."lessonsDone", s."modulesDone", s.modules FROM learner_progress_source s\073
END';

-- A summary row of a kept module or of its quiz changed: refresh its learner. Nothing while no
-- course is kept, for rows no kept module reads (the final), for changes that leave the ticks and
-- the pass as they were (starting an attempt), or inside progress_summary_rebuild (which rebuilds
-- this table once at its end).
CREATE FUNCTION learner_progress_summary() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  old_unit TEXT := CASE WHEN TG_OP <> ''INSERT'' THEN OLD.unit END\073
  new_unit TEXT := CASE WHEN TG_OP <> ''DELETE'' THEN NEW.unit END\073
BEGIN
  IF current_setting(''progress.rebuilding'', true) = ''on'' OR NOT EXISTS (SELECT 1 FROM "ProgressRollupShape") THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP = ''UPDATE'' AND OLD."userId" = NEW."userId" AND OLD.unit = NEW.unit
     AND OLD.lessons IS NOT DISTINCT FROM NEW.lessons AND OLD.passed = NEW.passed THEN
    RETURN NULL\073
  END IF\073
  IF NOT EXISTS (SELECT 1 FROM "ProgressRollupModule" m WHERE m.module IN (old_unit, new_unit) OR m."quizId" IN (old_unit, new_unit)) THEN
    RETURN NULL\073
  END IF\073
  IF TG_OP <> ''INSERT'' THEN
    PERFORM learner_progress_refresh(OLD."userId")\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."userId" <> OLD."userId") THEN
    PERFORM learner_progress_refresh(NEW."userId")\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER learner_progress_summary AFTER INSERT OR UPDATE OR DELETE ON "ProgressSummary"
  FOR EACH ROW EXECUTE FUNCTION learner_progress_summary();

-- Keeps LearnerProgress for the course given (key: lib/dashboard/learner-progress.ts), rebuilding
-- it when the course is not the one kept. Writers of the summaries wait while it runs (SHARE mode
-- conflicts with their row writes), and it waits for those under way, so none is missed.
-- Returns whether it rebuilt.
CREATE FUNCTION progress_rollup_keep(k TEXT, shape JSONB) RETURNS boolean LANGUAGE plpgsql AS E'
BEGIN
  LOCK TABLE "ProgressSummary" IN SHARE MODE\073
  LOCK TABLE "ProgressRollupShape", "ProgressRollupModule", "LearnerProgress" IN EXCLUSIVE MODE\073
  IF EXISTS (SELECT 1 FROM "ProgressRollupShape" WHERE key = k) THEN
    RETURN false\073
  END IF\073
  DELETE FROM "ProgressRollupShape"\073
  DELETE FROM "ProgressRollupModule"\073
  INSERT INTO "ProgressRollupShape" (key) VALUES (k)\073
  INSERT INTO "ProgressRollupModule" (module, lessons, "quizId")
  SELECT x.module, ARRAY(SELECT jsonb_array_elements_text(x.lessons)), x."quizId"
  FROM jsonb_to_recordset(shape) AS x(module TEXT, lessons JSONB, "quizId" TEXT)\073
  PERFORM learner_progress_rebuild()\073
  RETURN true\073
END';

-- The repair also rebuilds LearnerProgress, once at its end rather than once per summary row.
CREATE OR REPLACE FUNCTION progress_summary_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM set_config(''progress.rebuilding'', ''on'', true)\073
  DELETE FROM "ProgressSummary"\073
  INSERT INTO "ProgressSummary" ("userId", unit, lessons, "lessonsAt", attempts, best, passed, "firstPassAt", "attemptAt",
                                 "firstSubmittedAt", "firstAttemptId", "lastSubmittedAt", "lastAttemptId")
  SELECT s."userId", s.unit, s.lessons, s."lessonsAt", s.attempts, s.best, s.passed, s."firstPassAt", s."attemptAt",
         s."firstSubmittedAt", s."firstAttemptId", s."lastSubmittedAt", s."lastAttemptId"
  FROM progress_summary_source s\073
  DELETE FROM "LearnerActivity"\073
  INSERT INTO "LearnerActivity" ("userId", "activeAt", "doneAt")
  SELECT s."userId", s."activeAt", s."doneAt" FROM learner_activity_source s\073
  DELETE FROM "LearnerTopic"\073
  INSERT INTO "LearnerTopic" ("userId", tag, "right", total)
  SELECT s."userId", s.tag, s."right", s.total FROM learner_topic_source s\073
  PERFORM learner_progress_rebuild()\073
  PERFORM set_config(''progress.rebuilding'', ''off'', true)\073
END';
