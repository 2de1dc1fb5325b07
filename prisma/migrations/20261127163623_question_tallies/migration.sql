-- CreateTable
CREATE TABLE "QuestionTallyFirst" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "switches" INTEGER NOT NULL,
    "questionIds" TEXT[],
    "answers" JSONB NOT NULL,

    CONSTRAINT "QuestionTallyFirst_pkey" PRIMARY KEY ("userId","quizId")
);

-- CreateTable
CREATE TABLE "QuestionPairTally" (
    "cohortId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "questionVersionId" TEXT NOT NULL,
    "stripe" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "s" INTEGER NOT NULL,
    "ss" INTEGER NOT NULL,
    "sw" INTEGER NOT NULL,
    "swn" INTEGER NOT NULL,

    CONSTRAINT "QuestionPairTally_pkey" PRIMARY KEY ("cohortId","quizId","questionVersionId","stripe")
);

-- CreateTable
CREATE TABLE "QuestionAnswerTally" (
    "cohortId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "questionVersionId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "stripe" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "correct" BOOLEAN,
    "n" INTEGER NOT NULL,
    "s" INTEGER NOT NULL,

    CONSTRAINT "QuestionAnswerTally_pkey" PRIMARY KEY ("cohortId","quizId","questionVersionId","hash","stripe")
);

-- From scratch, per learner and quiz: the FIRST submitted attempt (ties: the smaller id, as
-- ProgressSummary."firstAttemptId") with what it contributes to the question analysis.
CREATE VIEW question_tally_first_source AS
SELECT DISTINCT ON (a."userId", a."quizId") a."userId", a."quizId", a.id AS "attemptId", coalesce(a.correct, 0) AS score,
       a."visibilityChanges" AS switches, a."questionIds",
       coalesce((SELECT jsonb_agg(jsonb_build_object('q', an."questionVersionId", 'r', an.response, 'c', an.correct)
                                  ORDER BY an."questionVersionId")
                 FROM "Answer" an WHERE an."attemptId" = a.id), '[]'::jsonb) AS answers
FROM "Attempt" a
WHERE a."submittedAt" IS NOT NULL
ORDER BY a."userId", a."quizId", a."submittedAt", a.id;

-- The same for one learner and quiz, by the (userId, quizId) index: what the triggers read (a
-- lateral join to the view above is planned as the whole view, every attempt of everyone).
CREATE FUNCTION question_tally_first_of(u TEXT, k TEXT)
RETURNS TABLE ("attemptId" TEXT, score INT, switches INT, "questionIds" TEXT[], answers JSONB)
LANGUAGE sql STABLE AS E'
  SELECT a.id, coalesce(a.correct, 0), a."visibilityChanges", a."questionIds",
         coalesce((SELECT jsonb_agg(jsonb_build_object(''q'', an."questionVersionId", ''r'', an.response, ''c'', an.correct)
                                    ORDER BY an."questionVersionId")
                   FROM "Answer" an WHERE an."attemptId" = a.id), ''[]''::jsonb)
  FROM "Attempt" a
  WHERE a."userId" = u AND a."quizId" = k AND a."submittedAt" IS NOT NULL
  ORDER BY a."submittedAt", a.id
  LIMIT 1
';

-- The two tallies from scratch: every first attempt counted in every cohort its learner belongs to.
CREATE VIEW question_pair_tally_source AS
SELECT cm."cohortId", f."quizId", q.qid AS "questionVersionId", count(*)::int AS n, sum(f.score)::int AS s,
       sum(f.score * f.score)::int AS ss, count(*) FILTER (WHERE f.switches > 0)::int AS sw, sum(f.switches)::int AS swn
FROM question_tally_first_source f
JOIN "CohortMember" cm ON cm."userId" = f."userId"
CROSS JOIN LATERAL unnest(f."questionIds") AS q(qid)
GROUP BY cm."cohortId", f."quizId", q.qid;

CREATE VIEW question_answer_tally_source AS
SELECT cm."cohortId", f."quizId", x.q AS "questionVersionId", md5(jsonb_build_array(x.r, x.c)::text) AS hash,
       (array_agg(x.r))[1] AS response, (array_agg(x.c))[1] AS correct, count(*)::int AS n, sum(f.score)::int AS s
FROM question_tally_first_source f
JOIN "CohortMember" cm ON cm."userId" = f."userId"
CROSS JOIN LATERAL jsonb_to_recordset(f.answers) AS x(q TEXT, r JSONB, c BOOLEAN)
GROUP BY cm."cohortId", f."quizId", x.q, md5(jsonb_build_array(x.r, x.c)::text);

-- Adds contributions to both tallies. d: [{c: cohort, u: learner, k: quiz, s: +1 or -1, f: true
-- for the learner's first attempt as it is now (the view), false for the kept QuestionTallyFirst
-- row}]. Each table is written by one statement in key order, pairs before answers, so two
-- transactions adding to one cohort wait for each other instead of deadlocking. A learner adds to
-- one of eight stripes of each count (by a hash of their id): concurrent submits in one cohort
-- then mostly meet different rows instead of all queueing on the same few (readers sum them).
CREATE FUNCTION question_tally_add(d JSONB) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "QuestionPairTally" AS t ("cohortId", "quizId", "questionVersionId", stripe, n, s, ss, sw, swn)
  SELECT x.c, x.k, q.qid, hashtext(x.u) & 7, sum(x.s)::int, sum(x.s * v.score)::int, sum(x.s * v.score * v.score)::int,
         coalesce(sum(x.s) FILTER (WHERE v.switches > 0), 0)::int, sum(x.s * v.switches)::int
  FROM jsonb_to_recordset(d) AS x(c TEXT, u TEXT, k TEXT, s INT, f BOOLEAN)
  CROSS JOIN LATERAL (
    SELECT o.score, o.switches, o."questionIds", o.answers FROM "QuestionTallyFirst" o
    WHERE NOT x.f AND o."userId" = x.u AND o."quizId" = x.k
    UNION ALL
    SELECT n.score, n.switches, n."questionIds", n.answers FROM question_tally_first_of(x.u, x.k) n WHERE x.f
  ) v
  CROSS JOIN LATERAL unnest(v."questionIds") AS q(qid)
  GROUP BY x.c, x.k, q.qid, hashtext(x.u) & 7
  ORDER BY x.c, x.k, q.qid, hashtext(x.u) & 7
  ON CONFLICT ("cohortId", "quizId", "questionVersionId", stripe) DO UPDATE SET n = t.n + EXCLUDED.n, s = t.s + EXCLUDED.s,
    ss = t.ss + EXCLUDED.ss, sw = t.sw + EXCLUDED.sw, swn = t.swn + EXCLUDED.swn\073
  INSERT INTO "QuestionAnswerTally" AS t ("cohortId", "quizId", "questionVersionId", hash, stripe, response, correct, n, s)
  SELECT x.c, x.k, a.q, md5(jsonb_build_array(a.r, a.c)::text), hashtext(x.u) & 7, (array_agg(a.r))[1], (array_agg(a.c))[1],
         sum(x.s)::int, sum(x.s * v.score)::int
  FROM jsonb_to_recordset(d) AS x(c TEXT, u TEXT, k TEXT, s INT, f BOOLEAN)
  CROSS JOIN LATERAL (
    SELECT o.score, o.answers FROM "QuestionTallyFirst" o
    WHERE NOT x.f AND o."userId" = x.u AND o."quizId" = x.k
    UNION ALL
    SELECT n.score, n.answers FROM question_tally_first_of(x.u, x.k) n WHERE x.f
  ) v
  CROSS JOIN LATERAL jsonb_to_recordset(v.answers) AS a(q TEXT, r JSONB, c BOOLEAN)
  GROUP BY x.c, x.k, a.q, md5(jsonb_build_array(a.r, a.c)::text), hashtext(x.u) & 7
  ORDER BY x.c, x.k, a.q, md5(jsonb_build_array(a.r, a.c)::text), hashtext(x.u) & 7
  ON CONFLICT ("cohortId", "quizId", "questionVersionId", hash, stripe) DO UPDATE SET n = t.n + EXCLUDED.n, s = t.s + EXCLUDED.s\073
END
';

-- Whoever changes what a learner contributes (their attempts, their memberships) first takes
-- the learner: a few learners by an advisory lock each (in order), a bulk write by locking
-- QuestionTallyFirst, which the few-learner writers also take (ROW EXCLUSIVE, so they do not wait
-- for each other). Whatever is read after that is committed and stays so until this commits.
CREATE FUNCTION question_tally_lock(users TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF (SELECT count(DISTINCT x) FROM unnest(users) x) > 50 THEN
    LOCK TABLE "QuestionTallyFirst" IN SHARE ROW EXCLUSIVE MODE\073
  ELSE
    LOCK TABLE "QuestionTallyFirst" IN ROW EXCLUSIVE MODE\073
    PERFORM pg_advisory_xact_lock(hashtext(''question_tally''), hashtext(x)) FROM (SELECT DISTINCT x FROM unnest(users) x ORDER BY x) s\073
  END IF\073
END
';

-- Recomputes the first attempt of the given (learner, quiz) pairs. Where it changed (another
-- attempt is now the first, its answers or score changed, it went), the kept contribution is taken
-- away and the new one added in every cohort of the learner, then the kept row replaced.
CREATE FUNCTION question_tally_refresh(users TEXT[], quizzes TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  cu TEXT[]\073
  ck TEXT[]\073
  d JSONB\073
BEGIN
  IF cardinality(users) = 0 THEN
    RETURN\073
  END IF\073
  PERFORM question_tally_lock(users)\073
  SELECT array_agg(z.u ORDER BY z.u, z.k), array_agg(z.k ORDER BY z.u, z.k) INTO cu, ck
  FROM (SELECT DISTINCT u, k FROM unnest(users, quizzes) AS y(u, k)) z
  LEFT JOIN "QuestionTallyFirst" o ON o."userId" = z.u AND o."quizId" = z.k
  LEFT JOIN LATERAL question_tally_first_of(z.u, z.k) n ON true
  WHERE (o."attemptId", o.score, o.switches, o."questionIds", o.answers)
        IS DISTINCT FROM (n."attemptId", n.score, n.switches, n."questionIds", n.answers)\073
  IF cu IS NULL THEN
    RETURN\073
  END IF\073
  SELECT jsonb_agg(jsonb_build_object(''c'', cm."cohortId", ''u'', z.u, ''k'', z.k, ''s'', v.s, ''f'', v.f)) INTO d
  FROM unnest(cu, ck) AS z(u, k)
  JOIN "CohortMember" cm ON cm."userId" = z.u
  CROSS JOIN (VALUES (-1, false), (1, true)) AS v(s, f)\073
  IF d IS NOT NULL THEN
    PERFORM question_tally_add(d)\073
  END IF\073
  DELETE FROM "QuestionTallyFirst" o USING unnest(cu, ck) AS z(u, k) WHERE o."userId" = z.u AND o."quizId" = z.k\073
  INSERT INTO "QuestionTallyFirst" ("userId", "quizId", "attemptId", score, switches, "questionIds", answers)
  SELECT z.u, z.k, f."attemptId", f.score, f.switches, f."questionIds", f.answers
  FROM unnest(cu, ck) AS z(u, k)
  CROSS JOIN LATERAL question_tally_first_of(z.u, z.k) f\073
END
';

-- Statement triggers with transition tables, as the topic tallies: a bulk write refreshes each
-- (learner, quiz) once, and a submit that writes the attempt and its answers in one statement (or
-- in several) is seen whole after the statement that completes it.
CREATE FUNCTION question_tally_attempts() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  us TEXT[]\073
  ks TEXT[]\073
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    SELECT array_agg(v.u), array_agg(v.k) INTO us, ks
    FROM changed n JOIN before o ON o.id = n.id,
         LATERAL (VALUES (n."userId", n."quizId"), (o."userId", o."quizId")) v(u, k)
    WHERE (n."submittedAt" IS NOT NULL OR o."submittedAt" IS NOT NULL)
      AND (n."submittedAt", n."userId", n."quizId", n."questionIds", n.correct, n."visibilityChanges")
          IS DISTINCT FROM (o."submittedAt", o."userId", o."quizId", o."questionIds", o.correct, o."visibilityChanges")\073
  ELSE
    SELECT array_agg(c."userId"), array_agg(c."quizId") INTO us, ks FROM changed c WHERE c."submittedAt" IS NOT NULL\073
  END IF\073
  IF us IS NOT NULL THEN
    PERFORM question_tally_refresh(us, ks)\073
  END IF\073
  RETURN NULL\073
END
';

-- Answers count once their attempt is submitted: autosaves of open attempts refresh nothing. An
-- attempt's answers deleted with it are the attempt trigger's business.
CREATE FUNCTION question_tally_answers() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  us TEXT[]\073
  ks TEXT[]\073
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    SELECT array_agg(a."userId"), array_agg(a."quizId") INTO us, ks
    FROM (SELECT c."attemptId" FROM changed c UNION SELECT o."attemptId" FROM before o) c
    JOIN "Attempt" a ON a.id = c."attemptId"
    WHERE a."submittedAt" IS NOT NULL\073
  ELSE
    SELECT array_agg(a."userId"), array_agg(a."quizId") INTO us, ks
    FROM (SELECT DISTINCT c."attemptId" FROM changed c) c JOIN "Attempt" a ON a.id = c."attemptId"
    WHERE a."submittedAt" IS NOT NULL\073
  END IF\073
  IF us IS NOT NULL THEN
    PERFORM question_tally_refresh(us, ks)\073
  END IF\073
  RETURN NULL\073
END
';

-- A learner joining a cohort brings their kept first attempts to it, leaving takes them away,
-- moving does both.
CREATE FUNCTION question_tally_members() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  m JSONB\073
  d JSONB\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT jsonb_agg(jsonb_build_object(''c'', c."cohortId", ''u'', c."userId", ''s'', 1)) INTO m FROM changed c\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT jsonb_agg(jsonb_build_object(''c'', c."cohortId", ''u'', c."userId", ''s'', -1)) INTO m FROM changed c\073
  ELSE
    SELECT jsonb_agg(x.j) INTO m FROM (
      SELECT jsonb_build_object(''c'', o."cohortId", ''u'', o."userId", ''s'', -1) AS j FROM before o
      UNION ALL
      SELECT jsonb_build_object(''c'', n."cohortId", ''u'', n."userId", ''s'', 1) FROM changed n
    ) x\073
  END IF\073
  IF m IS NULL THEN
    RETURN NULL\073
  END IF\073
  PERFORM question_tally_lock(ARRAY(SELECT DISTINCT y.u FROM jsonb_to_recordset(m) AS y(u TEXT)))\073
  SELECT jsonb_agg(jsonb_build_object(''c'', y.c, ''u'', y.u, ''k'', t."quizId", ''s'', y.s, ''f'', false)) INTO d
  FROM jsonb_to_recordset(m) AS y(c TEXT, u TEXT, s INT)
  JOIN "QuestionTallyFirst" t ON t."userId" = y.u\073
  IF d IS NOT NULL THEN
    PERFORM question_tally_add(d)\073
  END IF\073
  RETURN NULL\073
END
';

-- Everything from scratch: the migration, a TRUNCATE of a base table, and the repair in
-- lib/dashboard/question-tally.ts. Rows counting nobody are dropped here.
CREATE FUNCTION question_tally_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "QuestionTallyFirst"\073
  INSERT INTO "QuestionTallyFirst" ("userId", "quizId", "attemptId", score, switches, "questionIds", answers)
  SELECT s."userId", s."quizId", s."attemptId", s.score, s.switches, s."questionIds", s.answers FROM question_tally_first_source s\073
  DELETE FROM "QuestionPairTally"\073
  INSERT INTO "QuestionPairTally" ("cohortId", "quizId", "questionVersionId", n, s, ss, sw, swn)
  SELECT p."cohortId", p."quizId", p."questionVersionId", p.n, p.s, p.ss, p.sw, p.swn
  FROM "QuestionTallyFirst" f0, LATERAL (SELECT 1) z0, question_pair_tally_source p LIMIT 0\073
  INSERT INTO "QuestionPairTally" ("cohortId", "quizId", "questionVersionId", stripe, n, s, ss, sw, swn)
  SELECT cm."cohortId", f."quizId", q.qid, hashtext(f."userId") & 7, count(*)::int, sum(f.score)::int, sum(f.score * f.score)::int,
         count(*) FILTER (WHERE f.switches > 0)::int, sum(f.switches)::int
  FROM "QuestionTallyFirst" f
  JOIN "CohortMember" cm ON cm."userId" = f."userId"
  CROSS JOIN LATERAL unnest(f."questionIds") AS q(qid)
  GROUP BY cm."cohortId", f."quizId", q.qid, hashtext(f."userId") & 7\073
  DELETE FROM "QuestionAnswerTally"\073
  INSERT INTO "QuestionAnswerTally" ("cohortId", "quizId", "questionVersionId", hash, stripe, response, correct, n, s)
  SELECT cm."cohortId", f."quizId", x.q, md5(jsonb_build_array(x.r, x.c)::text), hashtext(f."userId") & 7,
         (array_agg(x.r))[1], (array_agg(x.c))[1], count(*)::int, sum(f.score)::int
  FROM "QuestionTallyFirst" f
  JOIN "CohortMember" cm ON cm."userId" = f."userId"
  CROSS JOIN LATERAL jsonb_to_recordset(f.answers) AS x(q TEXT, r JSONB, c BOOLEAN)
  GROUP BY cm."cohortId", f."quizId", x.q, md5(jsonb_build_array(x.r, x.c)::text), hashtext(f."userId") & 7\073
END
';

CREATE FUNCTION question_tally_truncated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM question_tally_rebuild()\073
  RETURN NULL\073
END
';

CREATE TRIGGER question_tally_attempt_insert AFTER INSERT ON "Attempt"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_attempts();
CREATE TRIGGER question_tally_attempt_delete AFTER DELETE ON "Attempt"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_attempts();
CREATE TRIGGER question_tally_attempt_update AFTER UPDATE ON "Attempt"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_attempts();
CREATE TRIGGER question_tally_answer_insert AFTER INSERT ON "Answer"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_answers();
CREATE TRIGGER question_tally_answer_delete AFTER DELETE ON "Answer"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_answers();
CREATE TRIGGER question_tally_answer_update AFTER UPDATE ON "Answer"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_answers();
CREATE TRIGGER question_tally_member_insert AFTER INSERT ON "CohortMember"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_members();
CREATE TRIGGER question_tally_member_delete AFTER DELETE ON "CohortMember"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_members();
CREATE TRIGGER question_tally_member_update AFTER UPDATE ON "CohortMember"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION question_tally_members();
CREATE TRIGGER question_tally_truncated AFTER TRUNCATE ON "Attempt"
  FOR EACH STATEMENT EXECUTE FUNCTION question_tally_truncated();
CREATE TRIGGER question_tally_truncated AFTER TRUNCATE ON "Answer"
  FOR EACH STATEMENT EXECUTE FUNCTION question_tally_truncated();
CREATE TRIGGER question_tally_truncated AFTER TRUNCATE ON "CohortMember"
  FOR EACH STATEMENT EXECUTE FUNCTION question_tally_truncated();

-- Existing attempts and memberships: the tallies start complete.
SELECT question_tally_rebuild();
