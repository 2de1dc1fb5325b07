-- CreateTable
CREATE TABLE "LearnerTopic" (
    "userId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "right" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,

    CONSTRAINT "LearnerTopic_pkey" PRIMARY KEY ("userId","tag")
);

-- Per learner and tag from scratch: each quiz's latest submitted attempt (ties: the larger id), every
-- question it drew, right when its answer is marked correct (unanswered counts as wrong).
CREATE VIEW learner_topic_source AS
SELECT l."userId", tag, count(*) FILTER (WHERE ans.correct)::int AS "right", count(*)::int AS total
FROM (
  SELECT DISTINCT ON (a."userId", a."quizId") a."userId", a.id, a."questionIds"
  FROM "Attempt" a WHERE a."submittedAt" IS NOT NULL
  ORDER BY a."userId", a."quizId", a."submittedAt" DESC, a.id DESC
) l
CROSS JOIN LATERAL unnest(l."questionIds") AS q(qid)
JOIN "QuestionVersion" qv ON qv.id = q.qid
CROSS JOIN LATERAL jsonb_array_elements_text(qv.data -> 'tags') AS tag
LEFT JOIN "Answer" ans ON ans."attemptId" = l.id AND ans."questionVersionId" = q.qid
GROUP BY l."userId", tag;

-- Recomputes the given learners' rows. A few learners lock themselves (two submits of one learner
-- take turns, and the second reads what the first wrote), a bulk load locks the table.
CREATE FUNCTION learner_topic_refresh(users TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(users) = 0 THEN
    RETURN\073
  END IF\073
  IF cardinality(users) > 50 THEN
    LOCK TABLE "LearnerTopic" IN SHARE ROW EXCLUSIVE MODE\073
  ELSE
    PERFORM pg_advisory_xact_lock(hashtext(''learner_topic''), hashtext(x)) FROM (SELECT DISTINCT x FROM unnest(users) x ORDER BY x) s\073
  END IF\073
  DELETE FROM "LearnerTopic" WHERE "userId" = ANY(users)\073
  INSERT INTO "LearnerTopic" ("userId", tag, "right", total)
  SELECT s."userId", s.tag, s."right", s.total FROM learner_topic_source s WHERE s."userId" = ANY(users)
  ON CONFLICT ("userId", tag) DO UPDATE SET "right" = EXCLUDED."right", total = EXCLUDED.total\073
END';

-- Statement triggers with transition tables, so a bulk insert refreshes each learner once. They
-- fire after the whole statement, so a submit that writes its answers in the same statement is seen whole.
CREATE FUNCTION learner_topic_attempts() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM learner_topic_refresh(ARRAY(SELECT DISTINCT "userId" FROM changed WHERE "submittedAt" IS NOT NULL))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM learner_topic_refresh(ARRAY(SELECT DISTINCT "userId" FROM changed WHERE "submittedAt" IS NOT NULL))\073
  ELSE
    PERFORM learner_topic_refresh(ARRAY(
      SELECT DISTINCT u FROM changed n JOIN before o ON o.id = n.id, LATERAL (VALUES (n."userId"), (o."userId")) v(u)
      WHERE (n."submittedAt" IS NOT NULL OR o."submittedAt" IS NOT NULL)
        AND (n."submittedAt" IS DISTINCT FROM o."submittedAt" OR n."userId" <> o."userId" OR n."quizId" <> o."quizId"
             OR n."questionIds" IS DISTINCT FROM o."questionIds")))\073
  END IF\073
  RETURN NULL\073
END';

-- Answers matter once their attempt is submitted: autosaves of open attempts refresh nothing.
CREATE FUNCTION learner_topic_answers() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM learner_topic_refresh(ARRAY(
    SELECT DISTINCT a."userId" FROM changed c JOIN "Attempt" a ON a.id = c."attemptId" WHERE a."submittedAt" IS NOT NULL))\073
  RETURN NULL\073
END';

CREATE TRIGGER learner_topic_attempt_insert AFTER INSERT ON "Attempt"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_attempts();
CREATE TRIGGER learner_topic_attempt_delete AFTER DELETE ON "Attempt"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_attempts();
CREATE TRIGGER learner_topic_attempt_update AFTER UPDATE ON "Attempt"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_attempts();
CREATE TRIGGER learner_topic_answer_insert AFTER INSERT ON "Answer"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_answers();
CREATE TRIGGER learner_topic_answer_delete AFTER DELETE ON "Answer"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_answers();
CREATE TRIGGER learner_topic_answer_update AFTER UPDATE ON "Answer"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION learner_topic_answers();

-- The rebuild covers the topics too.
CREATE OR REPLACE FUNCTION progress_summary_rebuild() RETURNS void LANGUAGE plpgsql AS E'
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
  DELETE FROM "LearnerTopic"\073
  INSERT INTO "LearnerTopic" ("userId", tag, "right", total)
  SELECT s."userId", s.tag, s."right", s.total FROM learner_topic_source s\073
END';

CREATE TRIGGER learner_topic_truncated AFTER TRUNCATE ON "Answer"
  FOR EACH STATEMENT EXECUTE FUNCTION progress_summary_truncated();

SELECT progress_summary_rebuild();
