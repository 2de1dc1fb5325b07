// Attempts: start (or resume) and save answers as the learner goes (submitting is ./submit.ts).
// Every function takes the acting user's id and refuses anything that is not theirs.
import { randomBytes } from "node:crypto";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { formatDateTime } from "@/lib/format/beijing-time";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { getLearnerProgress } from "@/lib/progress/progress";
import { deadlineFor, isOverdue, overdueBefore } from "./deadline";
import { questionsForAttempt } from "./draw";
import { getFinalWindows, windowState } from "./exam-window";
import { checkResponse, fail, type Failure } from "./responses";
import type { Question } from "./schema";
import { expireOverdueAttempts, loadVersions } from "./submit";

// The attempt API in one place for its callers (routes, scripts, tests).
export { responseSchema, type Failure } from "./responses";
export { expireOverdueAttempts, submitAttempt } from "./submit";

/** Attempts allowed to this learner: the quiz's limit plus extra attempts a trainer granted. */
async function allowedAttempts(db: PrismaClient, userId: string, quiz: { id: string; attemptsAllowed: number | null }) {
  if (quiz.attemptsAllowed === null) return null;
  return quiz.attemptsAllowed + (await db.extraAttempt.count({ where: { userId, quizId: quiz.id } }));
}

/** An attempt id, also the seed of its draw and order (lib/quiz/draw.ts). */
const newAttemptId = () => randomBytes(16).toString("hex");

/**
 * Starts a new attempt, or returns the learner's unfinished one (so a reload resumes it). The final
 * assessment opens only when every module is done (lessons ticked, module quiz passed), as the
 * course page says, and only inside the learner's cohort window if one is set; until then it is
 * refused here, whoever calls, not only hidden on the page. An unfinished attempt past its deadline
 * is scored first and returned, so the learner lands on its result rather than a fresh attempt.
 */
export async function startAttempt(
  db: PrismaClient,
  course: CourseShape,
  userId: string,
  quizId: string,
  now: Date = new Date(),
) {
  const quiz = await db.quiz.findUnique({
    where: { id: quizId },
    select: {
      id: true,
      shuffle: true,
      attemptsAllowed: true,
      drawCount: true,
      drawMinPerModule: true,
      timeLimitMinutes: true,
    },
  });
  if (!quiz) return fail(404, "没有这个测验");
  const expired = await expireOverdueAttempts(db, course, now, { userId, quizId });
  if (expired.attemptIds[0]) return { ok: true as const, attemptId: expired.attemptIds[0], resumed: true };
  let windowClosesAt: Date | null = null;
  if (quizId === course.finalQuizId) {
    if (!(await getLearnerProgress(db, course, userId)).finalOpen)
      return fail(403, "完成全部模块（学完课时并通过模块测验）后才能参加结业测评。");
    const window = windowState(await getFinalWindows(db, userId), now);
    if (window.kind === "before")
      return fail(403, `结业测评将于 ${formatDateTime(window.opensAt)}（北京时间）开放，届时再来参加。`);
    if (window.kind === "after")
      return fail(403, `本班结业测评已于 ${formatDateTime(window.closesAt)}（北京时间）截止。`);
    if (window.kind === "open") windowClosesAt = window.closesAt;
  }
  const versions = await db.questionVersion.findMany({
    where: { quizId, active: true },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const pool = quiz.drawCount
    ? await loadVersions(
        db,
        versions.map((v) => v.id),
      )
    : null;
  // The attempt's id seeds its draw and its order: the same pool and id give the same questions.
  const poolQuestions = versions.map((v) => ({ id: v.id, module: pool?.get(v.id)?.tags[0] ?? "" }));
  const rule = quiz.drawCount ? { count: quiz.drawCount, minPerModule: quiz.drawMinPerModule } : null;
  const allowed = await allowedAttempts(db, userId, quiz);
  // At most one unfinished attempt per learner and quiz (a partial unique index): a parallel
  // start (another tab, a double tap) that opened one first is continued, and one that was
  // submitted meanwhile means counting the used attempts again.
  for (let round = 0; round < 5; round++) {
    // Used up first: an attempt opened in a race after the last one counted cannot be submitted.
    if (allowed !== null) {
      const used = await db.attempt.count({ where: { userId, quizId, submittedAt: { not: null } } });
      if (used >= allowed) return fail(409, `本测验最多可作答 ${allowed} 次，您的次数已用完`);
    }
    const open = await db.attempt.findFirst({ where: { userId, quizId, submittedAt: null }, select: { id: true } });
    if (open) return { ok: true as const, attemptId: open.id, resumed: true };
    try {
      const id = newAttemptId();
      const attempt = await db.attempt.create({
        data: {
          id,
          userId,
          quizId,
          questionIds: questionsForAttempt(poolQuestions, rule, quiz.shuffle, id),
          startedAt: now,
          deadlineAt: deadlineFor(now, quiz.timeLimitMinutes, windowClosesAt),
        },
        select: { id: true },
      });
      return { ok: true as const, attemptId: attempt.id, resumed: false };
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    }
  }
  return fail(409, "正在开始另一次作答，请稍后再试");
}

type OwnedAttempt = {
  id: string;
  quizId: string;
  questionIds: string[];
  submittedAt: Date | null;
  deadlineAt: Date | null;
};

async function ownAttempt(db: PrismaClient, userId: string, attemptId: string): Promise<OwnedAttempt | Failure> {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { id: true, userId: true, quizId: true, questionIds: true, submittedAt: true, deadlineAt: true },
  });
  // Someone else's attempt looks exactly like a missing one: nothing to learn by guessing ids.
  if (!attempt || attempt.userId !== userId) return fail(404, "没有找到这次作答");
  return attempt;
}

/** Saves one answer of an unfinished attempt (autosave). */
export async function saveAnswer(
  db: PrismaClient,
  userId: string,
  attemptId: string,
  questionVersionId: string,
  raw: unknown,
  now: Date = new Date(),
) {
  const attempt = await ownAttempt(db, userId, attemptId);
  if ("ok" in attempt) return attempt;
  if (attempt.submittedAt) return fail(409, "这次作答已提交，不能再修改");
  if (isOverdue(attempt.deadlineAt, now)) return fail(409, TIME_UP);
  if (!attempt.questionIds.includes(questionVersionId)) return fail(422, "这道题不在本次作答中");
  const version = await db.questionVersion.findUniqueOrThrow({
    where: { id: questionVersionId },
    select: { data: true },
  });
  const response = checkResponse(version.data as Question, raw);
  if ("ok" in response) return response;
  // One statement: only while the attempt is open, and bumping its revision, so a submit that
  // read the answers before this one landed sees the revision change and reads again.
  const written = await db.$executeRaw`
    WITH open AS (
      UPDATE "Attempt" SET revision = revision + 1
      WHERE id = ${attemptId} AND "submittedAt" IS NULL AND ("deadlineAt" IS NULL OR "deadlineAt" >= ${overdueBefore(now)})
      RETURNING id
    )
    INSERT INTO "Answer" ("attemptId", "questionVersionId", response, "savedAt")
    SELECT open.id, ${questionVersionId}, ${JSON.stringify(response)}::jsonb, now() FROM open
    ON CONFLICT ("attemptId", "questionVersionId") DO UPDATE SET response = EXCLUDED.response, "savedAt" = now()`;
  if (written === 0) return fail(409, "这次作答已提交，不能再修改");
  return { ok: true as const };
}

const TIME_UP = "作答时间已到，答案不能再修改；截止前自动保存的答案已计分。";
