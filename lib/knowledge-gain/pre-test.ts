// The cohort's optional pre-test (训前测验): a draw from the final assessment's pool, taken once
// before the classroom day and counted toward nothing. It uses the final's question versions (so
// pre and post are scored by the same questions' tags) but its own table: no Attempt row, so no
// certificate, no learning path, no attempt limit, no item analysis is touched. Answers are never
// shown back: the pool is the final's.
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { drawQuestions } from "@/lib/quiz/draw";
import type { Question } from "@/lib/quiz/schema";
import { scoreAttempt, type Response } from "@/lib/quiz/score";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { runState } from "@/lib/surveys/runs";

export type PreTestFailure = {
  ok: false;
  code: "NOT_FOUND" | "FORBIDDEN" | "NOT_OPEN" | "CLOSED" | "ALREADY_SUBMITTED";
};
const fail = (code: PreTestFailure["code"]): PreTestFailure => ({ ok: false, code });

/** Ordering questions are moved with buttons in the quiz; the pre-test form is plain inputs, so it draws from the rest. */
const PRE_TEST_TYPES = new Set<Question["type"]>(["single", "multiple", "truefalse", "numeric"]);

/** Opens (or re-times) the pre-test of a cohort the trainer manages; one per cohort. */
export async function openPreTest(
  db: PrismaClient,
  viewer: Viewer,
  input: { cohortId: string; questionCount: number; opensAt: Date; closesAt: Date },
) {
  if (viewer.role === "CLIENT_ADMIN" || viewer.role === "LEARNER") return fail("FORBIDDEN");
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: input.cohortId }),
    select: { id: true },
  });
  if (!cohort) return fail("FORBIDDEN");
  const { cohortId, ...settings } = input;
  const row = await db.preTest.upsert({
    where: { cohortId },
    create: { cohortId, ...settings, openedById: viewer.id },
    update: settings,
    select: { id: true },
  });
  return { ok: true as const, preTestId: row.id };
}

export async function getCohortPreTest(db: PrismaClient, cohortId: string) {
  return db.preTest.findUnique({
    where: { cohortId },
    select: {
      id: true,
      questionCount: true,
      opensAt: true,
      closesAt: true,
      _count: { select: { attempts: { where: { submittedAt: { not: null } } } } },
    },
  });
}

/** Pre-tests a learner may take now, with whether they have. */
export async function listOpenPreTestsForLearner(db: PrismaClient, userId: string, now = new Date()) {
  return db.preTest.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now }, cohort: { members: { some: { userId } } } },
    select: {
      id: true,
      closesAt: true,
      cohort: { select: { name: true } },
      attempts: { where: { userId }, select: { submittedAt: true } },
    },
  });
}

async function loadVersions(db: PrismaClient, ids: string[]) {
  const rows = await db.questionVersion.findMany({ where: { id: { in: ids } }, select: { id: true, data: true } });
  return new Map(rows.map((r) => [r.id, r.data as Question]));
}

/** The pre-test as a member of its cohort sees it: their attempt (if any) and its questions. */
export async function getPreTestForLearner(db: PrismaClient, userId: string, preTestId: string) {
  if (!/^[a-z0-9]{1,40}$/i.test(preTestId)) return fail("NOT_FOUND");
  const preTest = await db.preTest.findFirst({
    where: { id: preTestId, cohort: { members: { some: { userId } } } },
    select: {
      id: true,
      questionCount: true,
      opensAt: true,
      closesAt: true,
      cohort: { select: { name: true } },
      attempts: {
        where: { userId },
        select: { id: true, questionIds: true, submittedAt: true, correct: true, total: true },
      },
    },
  });
  if (!preTest) return fail("NOT_FOUND");
  const attempt = preTest.attempts[0] ?? null;
  const versions = attempt && !attempt.submittedAt ? await loadVersions(db, attempt.questionIds) : new Map();
  const questions = attempt
    ? attempt.questionIds.flatMap((id) => (versions.has(id) ? [{ id, question: versions.get(id) as Question }] : []))
    : [];
  return { ok: true as const, preTest, attempt, questions };
}

/** Draws the learner's questions once; a second start returns the same attempt. */
export async function startPreTest(db: PrismaClient, userId: string, preTestId: string, now = new Date()) {
  const found = await getPreTestForLearner(db, userId, preTestId);
  if (!found.ok) return found;
  const state = runState(found.preTest, now);
  if (state === "scheduled") return fail("NOT_OPEN");
  if (state === "closed") return fail("CLOSED");
  if (found.attempt) return { ok: true as const, attemptId: found.attempt.id };
  const versions = await db.questionVersion.findMany({
    where: { quizId: FINAL_QUIZ_ID, active: true },
    orderBy: { position: "asc" },
    select: { id: true, data: true },
  });
  const pool = versions
    .filter((v) => PRE_TEST_TYPES.has((v.data as Question).type))
    .map((v) => ({ id: v.id, module: (v.data as Question).tags[0] ?? "" }));
  const modules = new Set(pool.map((q) => q.module)).size;
  const count = Math.min(found.preTest.questionCount, pool.length);
  const ids = drawQuestions(
    pool,
    { count, minPerModule: count >= modules ? 1 : 0 },
    () => randomInt(1_000_000) / 1_000_000,
  );
  const row = await db.preTestAttempt.upsert({
    where: { preTestId_userId: { preTestId, userId } },
    create: { preTestId, userId, questionIds: ids },
    update: {},
    select: { id: true },
  });
  return { ok: true as const, attemptId: row.id };
}

/** A form's answers (field "q-<versionId>") as quiz responses; malformed values count as unanswered. */
export function responsesFromForm(questions: { id: string; question: Question }[], form: FormData) {
  const out: Record<string, Response> = {};
  for (const { id, question: q } of questions) {
    const name = `q-${id}`;
    const one = form.get(name);
    switch (q.type) {
      case "single":
        if (typeof one === "string" && q.choices.some((c) => c.id === one)) out[id] = { type: "single", choice: one };
        break;
      case "multiple": {
        const ids = new Set(q.choices.map((c) => c.id));
        const chosen = form.getAll(name).filter((v): v is string => typeof v === "string" && ids.has(v));
        if (chosen.length) out[id] = { type: "multiple", choices: [...new Set(chosen)] };
        break;
      }
      case "truefalse":
        if (one === "true" || one === "false") out[id] = { type: "truefalse", value: one === "true" };
        break;
      case "numeric": {
        const value = typeof one === "string" && one.trim() !== "" ? Number(one.trim()) : NaN;
        if (Number.isFinite(value)) out[id] = { type: "numeric", value };
        break;
      }
      case "ordering":
        break;
    }
  }
  return out;
}

/** Scores and closes the attempt in one guarded update: a second submit changes nothing. */
export async function submitPreTest(
  db: PrismaClient,
  userId: string,
  preTestId: string,
  form: FormData,
  now = new Date(),
) {
  const found = await getPreTestForLearner(db, userId, preTestId);
  if (!found.ok) return found;
  if (!found.attempt) return fail("NOT_FOUND");
  if (found.attempt.submittedAt) return fail("ALREADY_SUBMITTED");
  // A learner who started inside the window may still hand in for a short grace after it closes.
  if (now.getTime() > found.preTest.closesAt.getTime() + 30 * 60_000) return fail("CLOSED");
  const responses = responsesFromForm(found.questions, form);
  const score = scoreAttempt(
    found.questions.map((q) => ({ ...q.question, id: q.id })),
    responses,
    100,
  );
  const written = await db.preTestAttempt.updateMany({
    where: { id: found.attempt.id, userId, submittedAt: null },
    data: {
      answers: responses,
      results: score.perQuestion,
      correct: score.correct,
      total: score.total,
      submittedAt: now,
    },
  });
  if (written.count === 0) return fail("ALREADY_SUBMITTED");
  return { ok: true as const, correct: score.correct, total: score.total };
}
