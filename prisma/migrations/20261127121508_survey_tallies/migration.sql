-- CreateTable
CREATE TABLE "SurveyTally" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "SurveyTally_pkey" PRIMARY KEY ("runId","key","hash")
);

-- Per run, item and stored value from scratch: what the tally must always equal.
CREATE VIEW survey_tally_source AS
SELECT r."runId", e.key, md5(e.value::text) AS hash, e.value, count(*)::int AS n
FROM "SurveyResponse" r CROSS JOIN LATERAL jsonb_each(r.answers) e
GROUP BY r."runId", e.key, md5(e.value::text), e.value;

-- Adds (sign 1) or takes away (sign -1) one response's answers. Increments commute, so concurrent
-- responses of one run only wait for each other's row lock. jsonb_each returns keys in the same
-- order for every response, so two responses lock their rows in the same order.
CREATE FUNCTION survey_tally_apply(run TEXT, answers JSONB, sign INT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF jsonb_typeof(answers) IS DISTINCT FROM ''object'' THEN
    RETURN\073
  END IF\073
  INSERT INTO "SurveyTally" ("runId", key, hash, value, n)
  SELECT run, e.key, md5(e.value::text), e.value, sign FROM jsonb_each(answers) e
  ON CONFLICT ("runId", key, hash) DO UPDATE SET n = "SurveyTally".n + EXCLUDED.n\073
  IF sign < 0 THEN
    DELETE FROM "SurveyTally" WHERE "runId" = run AND n <= 0\073
  END IF\073
END';

CREATE FUNCTION survey_tally_rows() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    PERFORM survey_tally_apply(OLD."runId", OLD.answers, -1)\073
  END IF\073
  IF TG_OP IN (''UPDATE'', ''INSERT'') THEN
    PERFORM survey_tally_apply(NEW."runId", NEW.answers, 1)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER survey_tally_insert_delete AFTER INSERT OR DELETE ON "SurveyResponse"
  FOR EACH ROW EXECUTE FUNCTION survey_tally_rows();
CREATE TRIGGER survey_tally_update AFTER UPDATE OF "runId", answers ON "SurveyResponse"
  FOR EACH ROW EXECUTE FUNCTION survey_tally_rows();

CREATE FUNCTION survey_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "SurveyTally"\073
  RETURN NULL\073
END';
CREATE TRIGGER survey_tally_truncate AFTER TRUNCATE ON "SurveyResponse"
  FOR EACH STATEMENT EXECUTE FUNCTION survey_tally_truncate();

INSERT INTO "SurveyTally" ("runId", key, hash, value, n) SELECT "runId", key, hash, value, n FROM survey_tally_source;
