// What quiz pages show. Questions go to the browser without their answers; answers and
// explanations come back only with a submitted attempt (and, for quizzes that say so, only once
// the learner has passed; for the final of a cohort with an exam window, only once it has closed).
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getFinalWindows, windowsReleaseAnswers } from "./exam-window";
import { FINAL_QUIZ_ID } from "./load";
import type { Question } from "./schema";
import type { Response } from "./score";

export type PublicQuestion =
  | { versionId: string; type: "single" | "multiple"; prompt: string; choices: { id: string; text: string }[] }
  | { versionId: string; type: "truefalse"; prompt: string }
  | { versionId: string; type: "ordering"; prompt: string; items: { index: number; text: string }[] }
  | { versionId: string; type: "numeric"; prompt: string; unit: string };

/** A stable shuffle per attempt and question, so a reload shows the same order. */
function seededOrder<T>(items: T[], seed: string): T[] {
  const keyed = items.map((item, i) => ({ item, key: createHash("sha256").update(`${seed}:${i}`).digest("hex") }));
  return keyed.sort((a, b) => a.key.localeCompare(b.key)).map((k) => k.item);
}

export function toPublicQuestion(versionId: string, q: Question, seed: string, shuffle: boolean): PublicQuestion {
  switch (q.type) {
    case "single":
    case "multiple": {
      const choices = q.choices.map(({ id, text }) => ({ id, text }));
      return { versionId, type: q.type, prompt: q.prompt, choices: shuffle ? seededOrder(choices, seed) : choices };
    }
    case "truefalse":
      return { versionId, type: "truefalse", prompt: q.prompt };
    case "ordering": {
      // Always shuffled: listing the items as stored would give the answer away.
      let items = seededOrder(
        q.items.map((text, index) => ({ index, text })),
        seed,
      );
      if (items.every((it, i) => it.index === i)) items = [...items.slice(1), items[0]!];
      return { versionId, type: "ordering", prompt: q.prompt, items };
    }
    case "numeric":
      return { versionId, type: "numeric", prompt: q.prompt, unit: q.unit };
  }
}

/** The right answer in words, for the result page. */
export function describeAnswer(q: Question): string {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices
        .filter((c) => c.correct)
        .map((c) => c.text)
        .join(";");
    case "truefalse":
      return q.answer ? "正确" : "错误";
    case "ordering":
      return q.items.join(" → ");
    case "numeric":
      return `${q.answer}${q.unit}${q.tolerance ? `（允许误差 ±${q.tolerance}）` : ""}`;
  }
}

export function describeResponse(q: Question, r: Response | undefined): string {
  if (!r) return "未作答";
  switch (r.type) {
    case "single":
      return q.type === "single" ? (q.choices.find((c) => c.id === r.choice)?.text ?? "—") : "—";
    case "multiple":
      return q.type === "multiple"
        ? q.choices
            .filter((c) => r.choices.includes(c.id))
            .map((c) => c.text)
            .join(";") || "未选择"
        : "—";
    case "truefalse":
      return r.value ? "正确" : "错误";
    case "ordering":
      return q.type === "ordering" ? r.order.map((i) => q.items[i] ?? "?").join(" → ") : "—";
    case "numeric":
      return `${r.value}${q.type === "numeric" ? q.unit : ""}`;
  }
}

export async function getQuizOverview(db: PrismaClient, quizId: string, userId: string | null) {
  const quiz = await db.quiz.findUnique({
    where: { id: quizId },
    select: {
      id: true,
      title: true,
      moduleSlug: true,
      passMark: true,
      attemptsAllowed: true,
      drawCount: true,
      timeLimitMinutes: true,
      _count: { select: { versions: { where: { active: true } } } },
    },
  });
  if (!quiz) return null;
  const extra = userId ? await db.extraAttempt.count({ where: { userId, quizId } }) : 0;
  const attempts = userId
    ? await db.attempt.findMany({
        where: { quizId, userId },
        orderBy: { startedAt: "desc" },
        select: { id: true, startedAt: true, submittedAt: true, percent: true, passed: true },
      })
    : [];
  const { drawCount, attemptsAllowed, ...rest } = quiz;
  return {
    quiz: {
      ...rest,
      // This learner's limit: the file's, plus extra attempts a trainer granted.
      attemptsAllowed: attemptsAllowed === null ? null : attemptsAllowed + extra,
      questionCount: drawCount ?? quiz._count.versions,
    },
    attempts,
  };
}

export async function getAttemptView(db: PrismaClient, userId: string, attemptId: string, now: Date = new Date()) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      questionIds: true,
      submittedAt: true,
      correct: true,
      total: true,
      percent: true,
      passed: true,
      deadlineAt: true,
      timedOut: true,
      quiz: {
        select: {
          id: true,
          title: true,
          moduleSlug: true,
          passMark: true,
          attemptsAllowed: true,
          shuffle: true,
          revealAnswers: true,
        },
      },
      answers: { select: { questionVersionId: true, response: true, correct: true } },
    },
  });
  if (!attempt || attempt.userId !== userId) return null;
  const versions = await db.questionVersion.findMany({
    where: { id: { in: attempt.questionIds } },
    select: { id: true, data: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v.data as Question]));
  const answers = new Map(attempt.answers.map((a) => [a.questionVersionId, a]));
  const questions = attempt.questionIds.map((id) => ({ versionId: id, question: byId.get(id)! }));
  const { userId: _owner, answers: _a, ...rest } = attempt;
  if (!attempt.submittedAt) {
    return {
      ...rest,
      state: "in-progress" as const,
      questions: questions.map(({ versionId, question }) =>
        toPublicQuestion(versionId, question, `${attempt.id}:${versionId}`, attempt.quiz.shuffle),
      ),
      saved: Object.fromEntries(attempt.answers.map((a) => [a.questionVersionId, a.response as Response])),
    };
  }
  // The final's answers wait for the learner's cohort window to close; without a window the file's
  // rule applies (decision 0029).
  const windows = attempt.quiz.id === FINAL_QUIZ_ID ? await getFinalWindows(db, userId) : [];
  const released = windowsReleaseAnswers(windows, now);
  const reveal = released ?? (attempt.quiz.revealAnswers === "always" || attempt.passed === true);
  const revealAfter = released === false ? new Date(Math.max(...windows.map((w) => w.closesAt.getTime()))) : null;
  // For the result page's 再测一次: an unfinished retake to resume, or attempts left to start one.
  const [used, open, extra] = await Promise.all([
    db.attempt.count({ where: { userId, quizId: attempt.quiz.id, submittedAt: { not: null } } }),
    db.attempt.findFirst({ where: { userId, quizId: attempt.quiz.id, submittedAt: null }, select: { id: true } }),
    db.extraAttempt.count({ where: { userId, quizId: attempt.quiz.id } }),
  ]);
  const allowed = attempt.quiz.attemptsAllowed === null ? null : attempt.quiz.attemptsAllowed + extra;
  return {
    ...rest,
    state: "submitted" as const,
    reveal,
    revealAfter,
    attemptsLeft: allowed === null ? null : Math.max(0, allowed - used),
    openAttempt: open !== null,
    review: questions.map(({ versionId, question }) => {
      const a = answers.get(versionId);
      return {
        versionId,
        prompt: question.prompt,
        type: question.type,
        yourAnswer: describeResponse(question, a?.response as Response | undefined),
        correct: a?.correct === true,
        rightAnswer: reveal ? describeAnswer(question) : null,
        explanation: reveal ? question.explanation : null,
        lesson: question.lesson,
        tags: question.tags,
      };
    }),
  };
}

/** The page address of a question's `lesson` reference ("module/lesson#section"). */
export function lessonSectionHref(ref: string) {
  const [path, section] = ref.split("#");
  return `/course/${path}${section ? `#${encodeURIComponent(section)}` : ""}`;
}
