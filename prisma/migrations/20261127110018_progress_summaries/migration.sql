-- CreateTable
CREATE TABLE "ProgressSummary" (
    "userId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "lessons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lessonsAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "best" DOUBLE PRECISION,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "firstPassAt" TIMESTAMP(3),
    "attemptAt" TIMESTAMP(3),
    "firstSubmittedAt" TIMESTAMP(3),
    "firstAttemptId" TEXT,
    "lastSubmittedAt" TIMESTAMP(3),
    "lastAttemptId" TEXT,

    CONSTRAINT "ProgressSummary_pkey" PRIMARY KEY ("userId","unit")
);

-- CreateTable
CREATE TABLE "LearnerActivity" (
    "userId" TEXT NOT NULL,
    "activeAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "LearnerActivity_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ProgressSummary_unit_userId_idx" ON "ProgressSummary"("unit", "userId");

-- The summaries computed from scratch: the rebuild inserts these rows, and the triggers refresh one
-- (learner, unit) from them when a row is deleted or rewritten. Ties between attempts submitted at the
-- same instant go to the smaller id (first) and the larger id (latest).
CREATE VIEW progress_summary_source AS
SELECT x."userId", x.unit,
       coalesce(array_agg(x.lesson ORDER BY x.lesson) FILTER (WHERE x.lesson IS NOT NULL), ARRAY[]::TEXT[]) AS lessons,
       max(x.lesson_at) AS "lessonsAt",
       count(x.attempt_id)::int AS attempts,
       max(x.percent) AS best,
       coalesce(bool_or(x.passed), false) AS passed,
       min(x.submitted) FILTER (WHERE x.passed) AS "firstPassAt",
       max(greatest(x.started, x.submitted)) AS "attemptAt",
       min(x.submitted) AS "firstSubmittedAt",
       (array_agg(x.attempt_id ORDER BY x.submitted, x.attempt_id) FILTER (WHERE x.submitted IS NOT NULL))[1] AS "firstAttemptId",
       max(x.submitted) AS "lastSubmittedAt",
       (array_agg(x.attempt_id ORDER BY x.submitted DESC, x.attempt_id DESC) FILTER (WHERE x.submitted IS NOT NULL))[1] AS "lastAttemptId"
FROM (
  SELECT p."userId", p."moduleSlug" AS unit, p."lessonSlug" AS lesson, p."completedAt" AS lesson_at, NULL::TEXT AS attempt_id,
         NULL::DOUBLE PRECISION AS percent, NULL::BOOLEAN AS passed, NULL::TIMESTAMP(3) AS started, NULL::TIMESTAMP(3) AS submitted
  FROM "LessonProgress" p
  UNION ALL
  SELECT a."userId", a."quizId", NULL, NULL, a.id, a.percent, a.passed, a."startedAt", a."submittedAt"
  FROM "Attempt" a
) x
GROUP BY x."userId", x.unit;

CREATE VIEW learner_activity_source AS
SELECT x."userId", max(x.active) AS "activeAt", max(x.done) AS "doneAt"
FROM (
  SELECT p."userId", p."completedAt" AS active, p."completedAt" AS done FROM "LessonProgress" p
  UNION ALL
  SELECT a."userId", greatest(a."startedAt", a."submittedAt"), a."submittedAt" FROM "Attempt" a
) x
GROUP BY x."userId";

-- A refresh first locks the rows it rewrites, then reads the ticks and attempts in a statement of
-- its own: a concurrent tick either waits for it or is seen by it, never lost.
-- Function bodies are E-strings with octal escapes for the statement ends, because the migration
-- runner splits scripts at every semicolon (lib/db/migrate.ts through the pg adapter).
CREATE FUNCTION progress_summary_refresh(u TEXT, k TEXT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM "ProgressSummary" WHERE "userId" = u AND unit = k FOR UPDATE\073
  PERFORM 1 FROM "LearnerActivity" WHERE "userId" = u FOR UPDATE\073
  INSERT INTO "ProgressSummary" ("userId", unit, lessons, "lessonsAt", attempts, best, passed, "firstPassAt", "attemptAt",
                                 "firstSubmittedAt", "firstAttemptId", "lastSubmittedAt", "lastAttemptId")
  SELECT s."userId", s.unit, s.lessons, s."lessonsAt", s.attempts, s.best, s.passed, s."firstPassAt", s."attemptAt",
         s."firstSubmittedAt", s."firstAttemptId", s."lastSubmittedAt", s."lastAttemptId"
  FROM progress_summary_source s WHERE s."userId" = u AND s.unit = k
  ON CONFLICT ("userId", unit) DO UPDATE SET lessons = EXCLUDED.lessons, "lessonsAt" = EXCLUDED."lessonsAt",
    attempts = EXCLUDED.attempts, best = EXCLUDED.best, passed = EXCLUDED.passed, "firstPassAt" = EXCLUDED."firstPassAt",
    "attemptAt" = EXCLUDED."attemptAt", "firstSubmittedAt" = EXCLUDED."firstSubmittedAt",
    "firstAttemptId" = EXCLUDED."firstAttemptId", "lastSubmittedAt" = EXCLUDED."lastSubmittedAt",
    "lastAttemptId" = EXCLUDED."lastAttemptId"\073
  IF NOT FOUND THEN
    DELETE FROM "ProgressSummary" WHERE "userId" = u AND unit = k\073
  END IF\073
  INSERT INTO "LearnerActivity" ("userId", "activeAt", "doneAt")
  SELECT s."userId", s."activeAt", s."doneAt" FROM learner_activity_source s WHERE s."userId" = u
  ON CONFLICT ("userId") DO UPDATE SET "activeAt" = EXCLUDED."activeAt", "doneAt" = EXCLUDED."doneAt"\073
  IF NOT FOUND THEN
    DELETE FROM "LearnerActivity" WHERE "userId" = u\073
  END IF\073
END';

-- A new tick only adds to its row: no read of other ticks, so it stays cheap and commutes with
-- a concurrent tick of the same learner. Deleting or rewriting a tick recomputes the row.
CREATE FUNCTION progress_summary_lesson() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "ProgressSummary" ("userId", unit, lessons, "lessonsAt")
    VALUES (NEW."userId", NEW."moduleSlug", ARRAY[NEW."lessonSlug"], NEW."completedAt")
    ON CONFLICT ("userId", unit) DO UPDATE SET
      lessons = ARRAY(SELECT DISTINCT l FROM unnest(coalesce("ProgressSummary".lessons, ARRAY[]::TEXT[]) || EXCLUDED.lessons) l ORDER BY l),
      "lessonsAt" = greatest("ProgressSummary"."lessonsAt", EXCLUDED."lessonsAt")\073
    INSERT INTO "LearnerActivity" ("userId", "activeAt", "doneAt") VALUES (NEW."userId", NEW."completedAt", NEW."completedAt")
    ON CONFLICT ("userId") DO UPDATE SET "activeAt" = greatest("LearnerActivity"."activeAt", EXCLUDED."activeAt"),
      "doneAt" = greatest("LearnerActivity"."doneAt", EXCLUDED."doneAt")\073
  ELSE
    PERFORM progress_summary_refresh(OLD."userId", OLD."moduleSlug")\073
    IF TG_OP = ''UPDATE'' THEN
      PERFORM progress_summary_refresh(NEW."userId", NEW."moduleSlug")\073
    END IF\073
  END IF\073
  RETURN NULL\073
END';

-- Starting an attempt and submitting it (the only change an open attempt gets besides autosaves,
-- which do not fire this) only add to the row. Anything else recomputes it.
CREATE FUNCTION progress_summary_attempt() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND OLD."userId" = NEW."userId" AND OLD."quizId" = NEW."quizId"
      AND OLD."startedAt" = NEW."startedAt" AND OLD."submittedAt" IS NULL AND OLD.percent IS NULL AND OLD.passed IS NULL) THEN
    INSERT INTO "ProgressSummary" ("userId", unit, attempts, best, passed, "firstPassAt", "attemptAt",
                                   "firstSubmittedAt", "firstAttemptId", "lastSubmittedAt", "lastAttemptId")
    VALUES (NEW."userId", NEW."quizId", CASE WHEN TG_OP = ''INSERT'' THEN 1 ELSE 0 END, NEW.percent, coalesce(NEW.passed, false),
            CASE WHEN NEW.passed THEN NEW."submittedAt" END, greatest(NEW."startedAt", NEW."submittedAt"),
            NEW."submittedAt", CASE WHEN NEW."submittedAt" IS NOT NULL THEN NEW.id END,
            NEW."submittedAt", CASE WHEN NEW."submittedAt" IS NOT NULL THEN NEW.id END)
    ON CONFLICT ("userId", unit) DO UPDATE SET
      attempts = "ProgressSummary".attempts + EXCLUDED.attempts,
      best = greatest("ProgressSummary".best, EXCLUDED.best),
      passed = "ProgressSummary".passed OR EXCLUDED.passed,
      "firstPassAt" = least("ProgressSummary"."firstPassAt", EXCLUDED."firstPassAt"),
      "attemptAt" = greatest("ProgressSummary"."attemptAt", EXCLUDED."attemptAt"),
      "firstSubmittedAt" = CASE WHEN EXCLUDED."firstSubmittedAt" IS NOT NULL AND ("ProgressSummary"."firstSubmittedAt" IS NULL
          OR (EXCLUDED."firstSubmittedAt", EXCLUDED."firstAttemptId") < ("ProgressSummary"."firstSubmittedAt", "ProgressSummary"."firstAttemptId"))
        THEN EXCLUDED."firstSubmittedAt" ELSE "ProgressSummary"."firstSubmittedAt" END,
      "firstAttemptId" = CASE WHEN EXCLUDED."firstSubmittedAt" IS NOT NULL AND ("ProgressSummary"."firstSubmittedAt" IS NULL
          OR (EXCLUDED."firstSubmittedAt", EXCLUDED."firstAttemptId") < ("ProgressSummary"."firstSubmittedAt", "ProgressSummary"."firstAttemptId"))
        THEN EXCLUDED."firstAttemptId" ELSE "ProgressSummary"."firstAttemptId" END,
      "lastSubmittedAt" = CASE WHEN EXCLUDED."lastSubmittedAt" IS NOT NULL AND ("ProgressSummary"."lastSubmittedAt" IS NULL
          OR (EXCLUDED."lastSubmittedAt", EXCLUDED."lastAttemptId") > ("ProgressSummary"."lastSubmittedAt", "ProgressSummary"."lastAttemptId"))
        THEN EXCLUDED."lastSubmittedAt" ELSE "ProgressSummary"."lastSubmittedAt" END,
      "lastAttemptId" = CASE WHEN EXCLUDED."lastSubmittedAt" IS NOT NULL AND ("ProgressSummary"."lastSubmittedAt" IS NULL
          OR (EXCLUDED."lastSubmittedAt", EXCLUDED."lastAttemptId") > ("ProgressSummary"."lastSubmittedAt", "ProgressSummary"."lastAttemptId"))
        THEN EXCLUDED."lastAttemptId" ELSE "ProgressSummary"."lastAttemptId" END\073
    INSERT INTO "LearnerActivity" ("userId", "activeAt", "doneAt")
    VALUES (NEW."userId", greatest(NEW."startedAt", NEW."submittedAt"), NEW."submittedAt")
    ON CONFLICT ("userId") DO UPDATE SET "activeAt" = greatest("LearnerActivity"."activeAt", EXCLUDED."activeAt"),
      "doneAt" = greatest("LearnerActivity"."doneAt", EXCLUDED."doneAt")\073
  ELSE
    PERFORM progress_summary_refresh(OLD."userId", OLD."quizId")\073
    IF TG_OP = ''UPDATE'' THEN
      PERFORM progress_summary_refresh(NEW."userId", NEW."quizId")\073
    END IF\073
  END IF\073
  RETURN NULL\073
END';

-- Emptying a base table by TRUNCATE fires no row trigger: rebuild both summaries from scratch.
CREATE FUNCTION progress_summary_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "ProgressSummary"\073
  INSERT INTO "ProgressSummary" ("userId", unit, lessons, "lessonsAt", attempts, best, passed, "firstPassAt", "attemptAt",
                                 "firstSubmittedAt", "firstAttemptId", "lastSubmittedAt", "lastAttemptId")
  SELECT s."userId", s.unit, s.lessons, s."lessonsAt", s.attempts, s.best, s.passed, s."firstPassAt", s."attemptAt",
         s."firstSubmittedAt", s."firstAttemptId", s."lastSubmittedAt", s."lastAttemptId"
  FROM progress_summary_source s\073
  DELETE FROM "LearnerActivity"\073
  INSERT INTO "LearnerActivity" ("userId", "activeAt", "doneAt")
  SELECT s."userId", s."activeAt", s."doneAt" FROM learner_activity_source s\073
END';

CREATE FUNCTION progress_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM progress_summary_rebuild()\073
  RETURN NULL\073
END';

CREATE TRIGGER progress_summary_lesson AFTER INSERT OR UPDATE OR DELETE ON "LessonProgress"
  FOR EACH ROW EXECUTE FUNCTION progress_summary_lesson();

CREATE TRIGGER progress_summary_attempt_write AFTER INSERT OR DELETE ON "Attempt"
  FOR EACH ROW EXECUTE FUNCTION progress_summary_attempt();

-- Autosaves bump the revision only: they do not touch the summary.
CREATE TRIGGER progress_summary_attempt_update AFTER UPDATE ON "Attempt"
  FOR EACH ROW WHEN (OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."quizId" IS DISTINCT FROM NEW."quizId"
    OR OLD."startedAt" IS DISTINCT FROM NEW."startedAt" OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
    OR OLD.percent IS DISTINCT FROM NEW.percent OR OLD.passed IS DISTINCT FROM NEW.passed)
  EXECUTE FUNCTION progress_summary_attempt();

CREATE TRIGGER progress_summary_truncated AFTER TRUNCATE ON "LessonProgress"
  FOR EACH STATEMENT EXECUTE FUNCTION progress_summary_truncated();

CREATE TRIGGER progress_summary_truncated AFTER TRUNCATE ON "Attempt"
  FOR EACH STATEMENT EXECUTE FUNCTION progress_summary_truncated();

-- Existing progress: the summaries start complete.
SELECT progress_summary_rebuild();

