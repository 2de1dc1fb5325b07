// A learner's progress. A lesson is done when marked done; a module when all its lessons are
// done and its quiz (if it has one) is passed; the course when every module is done and the
// final assessment (when there is one) is passed. The best attempt counts.
// The same rule is written in SQL in lib/certificates/certificates.ts (it issues the certificate
// inside the transaction that completes the course); tests/integration/completion-rule.test.ts
// checks that the two agree.
import type { CourseShape } from "@/lib/dashboard/course-shape";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { COMPLETION_TX, issueCertificateIfComplete } from "@/lib/certificates/certificates";
import { courseSteps, moduleSteps, type CourseStep } from "./course-path";

/**
 * Marks a lesson done. Ticking the last missing lesson can complete the course (when the final
 * was passed before the course grew), so the certificate is checked for in the same transaction.
 */
export async function markLessonDone(
  db: PrismaClient,
  course: CourseShape,
  userId: string,
  moduleSlug: string,
  lessonSlug: string,
) {
  const exists = course.modules.some((m) => m.slug === moduleSlug && m.lessons.includes(lessonSlug));
  if (!exists) return { ok: false as const, code: "UNKNOWN_LESSON" as const };
  const certificateId = await db.$transaction(async (tx) => {
    // now() is the transaction's start: the tick and a certificate it brings carry the same time.
    await tx.$executeRaw`
      INSERT INTO "LessonProgress" ("userId", "moduleSlug", "lessonSlug", "completedAt")
      VALUES (${userId}, ${moduleSlug}, ${lessonSlug}, now())
      ON CONFLICT ("userId", "moduleSlug", "lessonSlug") DO NOTHING`;
    return issueCertificateIfComplete(tx, course, userId);
  }, COMPLETION_TX);
  return { ok: true as const, certificateId };
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
  quizId: string | null;
  quizBest: number | null;
  quizAttempts: number;
  quizPassed: boolean;
  /** Lessons done plus the quiz once passed, out of lessons plus the quiz: the progress bar. */
  stepsDone: number;
  stepsTotal: number;
  done: boolean;
  /** The module's first unfinished step (a lesson, or its quiz), null when the module is done. */
  next: CourseStep | null;
};

/** What the rule reads: lessons ticked and submitted attempts. */
export type ProgressFacts = {
  lessons: { moduleSlug: string; lessonSlug: string; completedAt: Date }[];
  attempts: { quizId: string; percent: number | null; passed: boolean | null; submittedAt: Date }[];
};

export type LearnerProgress = ReturnType<typeof summariseProgress>;

/** The rule itself, with no database: progress per module, the final, the course, what is next. */
export function summariseProgress(course: CourseShape, facts: ProgressFacts) {
  const doneLessons = new Set(facts.lessons.map((l) => `${l.moduleSlug}/${l.lessonSlug}`));
  const quizStats = (quizId: string) => {
    const mine = facts.attempts.filter((a) => a.quizId === quizId);
    return {
      best: mine.reduce<number | null>(
        (m, a) => (a.percent !== null && (m === null || a.percent > m) ? a.percent : m),
        null,
      ),
      attempts: mine.length,
      passed: mine.some((a) => a.passed === true),
    };
  };
  const stepDone = (s: CourseStep) =>
    s.kind === "lesson" ? doneLessons.has(`${s.moduleSlug}/${s.lessonSlug}`) : quizStats(s.quizId).passed;

  const modules: ModuleProgress[] = course.modules.map((m) => {
    const lessonsDone = m.lessons.filter((l) => doneLessons.has(`${m.slug}/${l}`)).length;
    const q = m.quizId ? quizStats(m.quizId) : { best: null, attempts: 0, passed: false };
    const hasQuiz = m.quizId !== null;
    return {
      slug: m.slug,
      number: m.number,
      title: m.title,
      lessonsDone,
      lessonsTotal: m.lessons.length,
      hasQuiz,
      quizId: m.quizId,
      quizBest: q.best,
      quizAttempts: q.attempts,
      quizPassed: q.passed,
      stepsDone: lessonsDone + (hasQuiz && q.passed ? 1 : 0),
      stepsTotal: m.lessons.length + (hasQuiz ? 1 : 0),
      // A module without lessons (still being written) cannot be finished yet.
      done: m.lessons.length > 0 && lessonsDone === m.lessons.length && (!hasQuiz || q.passed),
      next: moduleSteps(m).find((s) => !stepDone(s)) ?? null,
    };
  });
  const final = course.finalQuizId ? quizStats(course.finalQuizId) : null;
  const modulesDone = modules.every((m) => m.done);
  const courseDone = modulesDone && (final === null || final.passed);
  const times = [...facts.lessons.map((l) => l.completedAt), ...facts.attempts.map((a) => a.submittedAt)];
  const lastActivity = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
  // Continue where they left off: the first unfinished step in course order (a failed quiz is
  // unfinished). Null once the course is complete.
  const next = courseDone ? null : (courseSteps(course).find((s) => s.kind === "final" || !stepDone(s)) ?? null);
  return {
    modules,
    final,
    /** Every module done: the final assessment may be taken. */
    finalOpen: modulesDone,
    courseDone,
    lastActivity,
    next,
  };
}

export async function loadProgressFacts(db: PrismaClient, userId: string): Promise<ProgressFacts> {
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
  return { lessons, attempts: attempts.map((a) => ({ ...a, submittedAt: a.submittedAt! })) };
}

export async function getLearnerProgress(db: PrismaClient, course: CourseShape, userId: string) {
  return summariseProgress(course, await loadProgressFacts(db, userId));
}
