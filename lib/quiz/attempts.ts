// Attempts: start (or resume), save answers as the learner goes, submit once. Every function takes
// the acting user's id and refuses anything that is not theirs. Submitting is one transaction:
// the answers and the score are stored together or not at all, and a second submit of the same
// attempt (double click, second tab, retry) changes nothing and returns the first result.
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Question } from "./schema";
import { isCorrect, scoreAttempt, type Response } from "./score";

export type Failure = { ok: false; status: 403 | 404 | 409 | 422; message: string };
const fail = (status: Failure["status"], message: string): Failure => ({ ok: false, status, message });

export const responseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), choice: z.string().max(4) }),
  z.object({ type: z.literal("multiple"), choices: z.array(z.string().max(4)).max(26) }),
  z.object({ type: z.literal("truefalse"), value: z.boolean() }),
  z.object({ type: z.literal("ordering"), order: z.array(z.number().int().min(0).max(50)).max(50) }),
  z.object({ type: z.literal("numeric"), value: z.number().finite() }),
]);

function shuffled<T>(items: T[], shuffle: boolean): T[] {
  const out = [...items];
  if (!shuffle) return out;
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Starts a new attempt, or returns the learner's unfinished one (so a reload resumes it). */
export async function startAttempt(db: PrismaClient, userId: string, quizId: string) {
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, select: { id: true, shuffle: true, attemptsAllowed: true } });
  if (!quiz) return fail(404, "没有这个测验");
  const open = await db.attempt.findFirst({ where: { userId, quizId, submittedAt: null }, select: { id: true } });
  if (open) return { ok: true as const, attemptId: open.id, resumed: true };
  if (quiz.attemptsAllowed !== null) {
    const used = await db.attempt.count({ where: { userId, quizId, submittedAt: { not: null } } });
    if (used >= quiz.attemptsAllowed) return fail(409, `本测验最多可作答 ${quiz.attemptsAllowed} 次,您的次数已用完`);
  }
  const versions = await db.questionVersion.findMany({ where: { quizId, active: true }, orderBy: { position: "asc" }, select: { id: true } });
  const attempt = await db.attempt.create({
    data: { userId, quizId, questionIds: shuffled(versions.map((v) => v.id), quiz.shuffle) },
    select: { id: true },
  });
  return { ok: true as const, attemptId: attempt.id, resumed: false };
}

type OwnedAttempt = { id: string; quizId: string; questionIds: string[]; submittedAt: Date | null };

async function ownAttempt(db: PrismaClient, userId: string, attemptId: string): Promise<OwnedAttempt | Failure> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { id: true, userId: true, quizId: true, questionIds: true, submittedAt: true },
  });
  // Someone else's attempt looks exactly like a missing one: nothing to learn by guessing ids.
  if (!attempt || attempt.userId !== userId) return fail(404, "没有找到这次作答");
  return attempt;
}

function checkResponse(question: Question, raw: unknown): Response | Failure {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success || parsed.data.type !== question.type) return fail(422, "答案格式与题型不符");
  const r = parsed.data;
  if ((r.type === "single" || r.type === "multiple") && question.type !== "truefalse" && "choices" in question) {
    const ids = new Set(question.choices.map((c) => c.id));
    const chosen = r.type === "single" ? [r.choice] : r.choices;
    if (!chosen.every((c) => ids.has(c))) return fail(422, "选项不存在");
  }
  if (r.type === "ordering" && question.type === "ordering") {
    const n = question.items.length;
    if (r.order.length !== n || new Set(r.order).size !== n || r.order.some((i) => i >= n)) return fail(422, "排序答案不完整");
  }
  return r;
}

/** Saves one answer of an unfinished attempt (autosave). */
export async function saveAnswer(db: PrismaClient, userId: string, attemptId: string, questionVersionId: string, raw: unknown) {
  const attempt = await ownAttempt(db, userId, attemptId);
  if ("ok" in attempt) return attempt;
  if (attempt.submittedAt) return fail(409, "这次作答已提交,不能再修改");
  if (!attempt.questionIds.includes(questionVersionId)) return fail(422, "这道题不在本次作答中");
  const version = await db.questionVersion.findUniqueOrThrow({ where: { id: questionVersionId }, select: { data: true } });
  const response = checkResponse(version.data as Question, raw);
  if ("ok" in response) return response;
  await db.answer.upsert({
    where: { attemptId_questionVersionId: { attemptId, questionVersionId } },
    create: { attemptId, questionVersionId, response },
    update: { response },
    select: { attemptId: true },
  });
  return { ok: true as const };
}

export type AttemptResult = { attemptId: string; correct: number; total: number; percent: number; passed: boolean };

/**
 * Submits the attempt with any last answers. Idempotent: only the call that flips submittedAt
 * from null scores it; a repeat returns the stored result.
 */
export async function submitAttempt(
  db: PrismaClient,
  userId: string,
  attemptId: string,
  lastAnswers: Record<string, unknown> = {},
): Promise<({ ok: true; alreadySubmitted: boolean } & AttemptResult) | Failure> {
  const attempt = await ownAttempt(db, userId, attemptId);
  if ("ok" in attempt) return attempt;
  const stored = async () => {
    const a = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { correct: true, total: true, percent: true, passed: true } });
    return { ok: true as const, alreadySubmitted: true, attemptId, correct: a.correct!, total: a.total!, percent: a.percent!, passed: a.passed! };
  };
  if (attempt.submittedAt) return stored();

  const versions = await db.questionVersion.findMany({ where: { id: { in: attempt.questionIds } }, select: { id: true, data: true } });
  const byId = new Map(versions.map((v) => [v.id, v.data as Question]));
  const finalAnswers: Record<string, Response> = {};
  for (const [versionId, raw] of Object.entries(lastAnswers)) {
    const question = byId.get(versionId);
    if (!question) return fail(422, "提交中包含不属于本次作答的题目");
    const r = checkResponse(question, raw);
    if ("ok" in r) return r;
    finalAnswers[versionId] = r;
  }
  const quiz = await db.quiz.findUniqueOrThrow({ where: { id: attempt.quizId }, select: { passMark: true } });

  const result = await db.$transaction(async (tx) => {
    // The row lock taken here makes a concurrent second submit wait, then find it submitted.
    const claimed = await tx.attempt.updateMany({ where: { id: attemptId, userId, submittedAt: null }, data: { submittedAt: new Date() } });
    if (claimed.count === 0) return null;
    for (const [questionVersionId, response] of Object.entries(finalAnswers)) {
      await tx.answer.upsert({
        where: { attemptId_questionVersionId: { attemptId, questionVersionId } },
        create: { attemptId, questionVersionId, response },
        update: { response },
        select: { attemptId: true },
      });
    }
    const answers = await tx.answer.findMany({ where: { attemptId }, select: { questionVersionId: true, response: true } });
    const responses = Object.fromEntries(answers.map((a) => [a.questionVersionId, a.response as Response]));
    const questions = attempt.questionIds.map((id) => ({ ...byId.get(id)!, id }));
    const score = scoreAttempt(questions, responses, quiz.passMark);
    for (const a of answers) {
      await tx.answer.update({
        where: { attemptId_questionVersionId: { attemptId, questionVersionId: a.questionVersionId } },
        data: { correct: isCorrect(byId.get(a.questionVersionId)!, a.response as Response) },
        select: { attemptId: true },
      });
    }
    await tx.attempt.update({
      where: { id: attemptId },
      data: { correct: score.correct, total: score.total, percent: score.percent, passed: score.passed },
      select: { id: true },
    });
    return score;
  });
  if (!result) return stored();
  return { ok: true, alreadySubmitted: false, attemptId, correct: result.correct, total: result.total, percent: result.percent, passed: result.passed };
}
