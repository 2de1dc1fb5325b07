-- At most one unfinished attempt per learner and quiz (issue 14 M4): parallel starts could open
-- several and get past a quiz's attempt limit. Prisma's schema language cannot say "unique where",
-- so this index lives here only (lib/quiz/attempts.ts relies on it, see docs/decisions/0014).
-- Extra unfinished attempts left by the old race are dropped first, keeping each pair's newest
-- (their autosaved answers go with them: an unsubmitted attempt never counted for anything).
DELETE FROM "Attempt" a
USING "Attempt" b
WHERE a."submittedAt" IS NULL AND b."submittedAt" IS NULL
  AND a."userId" = b."userId" AND a."quizId" = b."quizId"
  AND (a."startedAt", a.id) < (b."startedAt", b.id);

CREATE UNIQUE INDEX "Attempt_one_open_per_learner_quiz" ON "Attempt"("userId", "quizId") WHERE "submittedAt" IS NULL;
