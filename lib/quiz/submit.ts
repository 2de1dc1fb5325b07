// Submitting an attempt: atomic (one statement: the answers and the score are stored together or
// not at all), and a second submit of the same attempt (double click, second tab, retry) changes
// nothing and returns the first result. A timed attempt past its deadline is scored from its
// autosaves exactly once, by whichever comes first: the expiry sweep, the learner's next request,
// or their late submit (docs/decisions/0029).
import { COMPLETION_TX, issueCertificateIfComplete } from "@/lib/certificates/certificates";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isOverdue, overdueBefore } from "./deadline";
import { checkResponse, fail, type Failure } from "./responses";
import type { Question } from "./schema";
import { scoreAttempt, type Response } from "./score";

const lateMessage = (deadline: Date) =>
  `作答时间已于 ${formatDateTime(deadline)}（北京时间）截止，这次提交未被接受；截止前自动保存的答案已计分。`;

type AttemptResult = { attemptId: string; correct: number; total: number; percent: number; passed: boolean };

// Question versions never change once written (an edit makes a new version), so their content
// can be kept in memory: a submit then needs no query to know what it is scoring.
const versionCache = new Map<string, Question>();
export async function loadVersions(db: PrismaClient, ids: string[]): Promise<Map<string, Question>> {
  const missing = ids.filter((id) => !versionCache.has(id));
  if (missing.length) {
    const rows = await db.questionVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, data: true },
    });
    for (const r of rows) versionCache.set(r.id, r.data as Question);
  }
  return new Map(ids.map((id) => [id, versionCache.get(id)!]));
}

/**
 * Submits the attempt with any last answers. Idempotent: only the call that finds the attempt
 * open scores it; a repeat returns the stored result. Two statements and no held lock, because
 * this is the hot path when a whole cohort submits at the end of a session: read the attempt and
 * its answers, score them, then write the score and the answers in ONE statement (atomic: both
 * or neither) that applies only if the attempt is still open at the revision that was read. If
 * another submit or an autosave got in between, nothing is written and the attempt is read again.
 * A passing submit wraps that statement in a short transaction with the certificate check (a pass
 * can complete the course); the learner's row is locked only for that check.
 *
 * Past the deadline (and its grace) the answers sent now do not count: the autosaved ones are
 * scored, the attempt is marked timed out, and the learner is told their submit came too late.
 */
export function submitAttempt(
  db: PrismaClient,
  course: CourseShape,
  userId: string,
  attemptId: string,
  lastAnswers: Record<string, unknown> = {},
  now: Date = new Date(),
) {
  return scoreAttemptOnce(db, course, userId, attemptId, lastAnswers, now, false);
}

/** Scores an attempt past its deadline from its autosaves (the sweep and lazy expiry). An attempt
 * not yet overdue is left alone (409). */
function expireAttempt(db: PrismaClient, course: CourseShape, userId: string, attemptId: string, now: Date) {
  return scoreAttemptOnce(db, course, userId, attemptId, {}, now, true);
}

/** Scores every unfinished attempt past its deadline, of one learner (and quiz) or of everyone
 * (the sweep in instrumentation.ts). Safe to run twice or in parallel: each attempt is scored once. */
export async function expireOverdueAttempts(
  db: PrismaClient,
  course: CourseShape,
  now: Date,
  only: { userId?: string; quizId?: string } = {},
) {
  const overdue = await db.attempt.findMany({
    where: { ...only, submittedAt: null, deadlineAt: { lt: overdueBefore(now) } },
    orderBy: { deadlineAt: "asc" },
    take: 500,
    select: { id: true, userId: true },
  });
  const attemptIds: string[] = [];
  let scored = 0;
  let failed = 0;
  for (const a of overdue) {
    const r = await expireAttempt(db, course, a.userId, a.id, now);
    if (!r.ok) failed++;
    else {
      attemptIds.push(a.id);
      if (!r.alreadySubmitted) scored++;
    }
  }
  return { attemptIds, scored, failed };
}

async function scoreAttemptOnce(
  db: PrismaClient,
  course: CourseShape,
  userId: string,
  attemptId: string,
  lastAnswers: Record<string, unknown>,
  now: Date,
  expiry: boolean,
): Promise<({ ok: true; alreadySubmitted: boolean } & AttemptResult) | Failure> {
  type Read = {
    userId: string;
    questionIds: string[];
    submittedAt: Date | null;
    deadlineAt: Date | null;
    timedOut: boolean;
    correct: number | null;
    total: number | null;
    percent: number | null;
    passed: boolean | null;
    revision: number;
    passMark: number;
    attemptsAllowed: number | null;
    usedAttempts: number;
    questionVersionId: string | null;
    response: unknown;
  };
  for (let round = 0; round < 8; round++) {
    const rows = await db.$queryRaw<Read[]>`
      SELECT a."userId", a."questionIds", a."submittedAt", a."deadlineAt", a."timedOut", a.correct, a.total, a.percent,
             a.passed, a.revision, q."passMark",
             q."attemptsAllowed" + (SELECT count(*)::int FROM "ExtraAttempt" e
               WHERE e."userId" = a."userId" AND e."quizId" = a."quizId") AS "attemptsAllowed",
             (SELECT count(*)::int FROM "Attempt" o
               WHERE o."userId" = a."userId" AND o."quizId" = a."quizId" AND o."submittedAt" IS NOT NULL) AS "usedAttempts",
             an."questionVersionId", an.response
      FROM "Attempt" a
      JOIN "Quiz" q ON q.id = a."quizId"
      LEFT JOIN "Answer" an ON an."attemptId" = a.id
      WHERE a.id = ${attemptId}`;
    const head = rows[0];
    // Someone else's attempt looks exactly like a missing one.
    if (!head || head.userId !== userId) return fail(404, "没有找到这次作答");
    const overdue = isOverdue(head.deadlineAt, now);
    if (expiry && !overdue && !head.submittedAt) return fail(409, "这次作答尚未到截止时间");
    if (head.submittedAt) {
      // A late submit that finds its attempt already scored at expiry: what it sent was not taken.
      if (head.timedOut && !expiry) return fail(409, lateMessage(head.deadlineAt!));
      return {
        ok: true as const,
        alreadySubmitted: true,
        attemptId,
        correct: head.correct!,
        total: head.total!,
        percent: head.percent!,
        passed: head.passed!,
      };
    }
    // The limit is checked again here and in the write itself: an attempt opened while another
    // was being submitted must not become one too many.
    if (head.attemptsAllowed !== null && head.usedAttempts >= head.attemptsAllowed) {
      // At expiry such an attempt (opened in a race as the last one was submitted, decision 0014)
      // can never count: it is dropped, or every sweep would meet it again.
      if (expiry) await db.attempt.deleteMany({ where: { id: attemptId, submittedAt: null } });
      return fail(409, `本测验最多可作答 ${head.attemptsAllowed} 次，您的次数已用完`);
    }
    const byId = await loadVersions(db, head.questionIds);
    const responses: Record<string, Response> = {};
    // Answers autosaved earlier (another tab, before a reload) count unless resent now.
    for (const r of rows) if (r.questionVersionId) responses[r.questionVersionId] = r.response as Response;
    // Past the deadline only what was autosaved in time counts.
    for (const [versionId, raw] of overdue ? [] : Object.entries(lastAnswers)) {
      const question = byId.get(versionId);
      if (!question) return fail(422, "提交中包含不属于本次作答的题目");
      const r = checkResponse(question, raw);
      if ("ok" in r) return r;
      responses[versionId] = r;
    }
    const questions = head.questionIds.map((id) => ({ ...byId.get(id)!, id }));
    const score = scoreAttempt(questions, responses, head.passMark);
    const answerRows = JSON.stringify(
      Object.entries(responses).map(([qid, response]) => ({ qid, response, ok: score.perQuestion[qid] ?? false })),
    );
    // Data-modifying WITH clauses run exactly once and commit together with the statement.
    const write = (q: Pick<PrismaClient, "$queryRaw">) => q.$queryRaw<{ n: number }[]>`
      WITH submitted AS (
        UPDATE "Attempt" a
        SET "submittedAt" = now(), correct = ${score.correct}, total = ${score.total}, percent = ${score.percent},
            passed = ${score.passed}, revision = a.revision + 1, "timedOut" = ${overdue}
        FROM "Quiz" q
        WHERE a.id = ${attemptId} AND a."submittedAt" IS NULL AND a.revision = ${head.revision} AND q.id = a."quizId"
          AND (q."attemptsAllowed" IS NULL OR (SELECT count(*) FROM "Attempt" o
                 WHERE o."userId" = a."userId" AND o."quizId" = a."quizId" AND o."submittedAt" IS NOT NULL)
               < q."attemptsAllowed" + (SELECT count(*) FROM "ExtraAttempt" e
                 WHERE e."userId" = a."userId" AND e."quizId" = a."quizId"))
        RETURNING a.id
      ),
      saved AS (
        INSERT INTO "Answer" ("attemptId", "questionVersionId", response, correct, "savedAt")
        SELECT s.id, x.qid, x.response, x.ok, now()
        FROM submitted s CROSS JOIN jsonb_to_recordset(${answerRows}::jsonb) AS x(qid text, response jsonb, ok boolean)
        ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET response = EXCLUDED.response, correct = EXCLUDED.correct
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM submitted`;
    // A pass may complete the course (the final, or a module quiz when the final was passed
    // earlier): then the certificate is issued in the same transaction as the pass. A fail
    // cannot complete anything and keeps to the single statement.
    const [written] = score.passed
      ? await db.$transaction(async (tx) => {
          const rows = await write(tx);
          if (rows[0]?.n === 1) await issueCertificateIfComplete(tx, course, userId);
          return rows;
        }, COMPLETION_TX)
      : await write(db);
    if (written?.n === 1) {
      if (overdue && !expiry) return fail(409, lateMessage(head.deadlineAt!));
      return {
        ok: true as const,
        alreadySubmitted: false,
        attemptId,
        correct: score.correct,
        total: score.total,
        percent: score.percent,
        passed: score.passed,
      };
    }
    // Lost a race (another submit finished, or an answer was saved after the read): read again.
  }
  return fail(409, "提交时答案仍在变化，请稍后再试");
}
