// A learner's progress. A lesson is done when marked done; a module when all its lessons are
// done and its quiz (if it has one) is passed; the course when every module is done and the
// final assessment (when there is one) is passed. The best attempt counts.
import type { Content } from "@/lib/content/load";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";

export async function markLessonDone(
  db: PrismaClient,
  content: Content,
  userId: string,
  moduleSlug: string,
  lessonSlug: string,
) {
  const exists = content.modules.some((m) => m.slug === moduleSlug && m.lessons.some((l) => l.slug === lessonSlug));
  if (!exists) return { ok: false as const, message: "没有这节课" };
  await db.lessonProgress.upsert({
    where: { userId_moduleSlug_lessonSlug: { userId, moduleSlug, lessonSlug } },
    create: { userId, moduleSlug, lessonSlug },
    update: {},
    select: { userId: true },
  });
  return { ok: true as const };
}

export async function isLessonDone(db: PrismaClient, userId: string, moduleSlug: string, lessonSlug: string) {
  const row = await db.lessonProgress.findUnique({
    where: { userId_moduleSlug_lessonSlug: { userId, moduleSlug, lessonSlug } },
    select: { completedAt: true },
  });
  return row !== null;
}

export type ModuleProgress = {
  slug: string;
  number: number;
  title: string;
  lessonsDone: number;
  lessonsTotal: number;
  hasQuiz: boolean;
  quizBest: number | null;
  quizAttempts: number;
  quizPassed: boolean;
  done: boolean;
};

export async function getLearnerProgress(db: PrismaClient, content: Content, quizIds: string[], userId: string) {
  const [lessons, attempts] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId },
      select: { moduleSlug: true, lessonSlug: true, completedAt: true },
    }),
    db.attempt.findMany({
      where: { userId, submittedAt: { not: null } },
      select: { quizId: true, percent: true, passed: true, submittedAt: true },
    }),
  ]);
  const done = new Set(lessons.map((l) => `${l.moduleSlug}/${l.lessonSlug}`));
  const quizStats = (quizId: string) => {
    const mine = attempts.filter((a) => a.quizId === quizId);
    return {
      best: mine.reduce<number | null>(
        (m, a) => (a.percent !== null && (m === null || a.percent > m) ? a.percent : m),
        null,
      ),
      attempts: mine.length,
      passed: mine.some((a) => a.passed),
    };
  };
  const modules: ModuleProgress[] = content.modules.map((m) => {
    const lessonsDone = m.lessons.filter((l) => done.has(`${m.slug}/${l.slug}`)).length;
    const hasQuiz = quizIds.includes(m.slug);
    const q = quizStats(m.slug);
    return {
      slug: m.slug,
      number: m.number,
      title: m.title,
      lessonsDone,
      lessonsTotal: m.lessons.length,
      hasQuiz,
      quizBest: q.best,
      quizAttempts: q.attempts,
      quizPassed: q.passed,
      done: m.lessons.length > 0 && lessonsDone === m.lessons.length && (!hasQuiz || q.passed),
    };
  });
  const final = quizStats(FINAL_QUIZ_ID);
  const hasFinal = quizIds.includes(FINAL_QUIZ_ID);
  const courseDone = modules.every((m) => m.done) && (!hasFinal || final.passed);
  const times = [...lessons.map((l) => l.completedAt), ...attempts.map((a) => a.submittedAt!)];
  const lastActivity = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
  // Continue where they left off: the first lesson not yet done, in course order.
  const next = content.modules
    .flatMap((m) => m.lessons.map((l) => ({ m, l })))
    .find(({ m, l }) => !done.has(`${m.slug}/${l.slug}`));
  return {
    modules,
    final: hasFinal ? final : null,
    courseDone,
    lastActivity,
    continueHref: next ? `/course/${next.m.slug}/${next.l.slug}` : null,
    continueTitle: next ? next.l.title : null,
  };
}
