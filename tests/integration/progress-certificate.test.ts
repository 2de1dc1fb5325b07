import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCertificateIfComplete } from "@/lib/certificates/certificates";
import { getCertificateFacts } from "@/lib/certificates/facts";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { getLearnerProgress, markLessonDone } from "@/lib/progress/progress";
import { FINAL_QUIZ_ID, loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { createLearner, takeQuiz as takeCourseQuiz } from "../support/course-learner";
import { createTestDb, type TestDb } from "../support/test-db";

describe("progress and the certificate (real course content)", () => {
  let t: TestDb;
  const content = loadContent();
  const quizzes = loadQuizzes(content);
  const course = courseShapeOf(content, quizzes);
  beforeAll(async () => {
    t = await createTestDb();
    await syncQuizzes(t.db, quizzes);
  });
  afterAll(() => t.close());

  const learner = (email: string) => createLearner(t.db, email, "结业学员");
  /** Takes the quiz through the real start and submit, all right or all blank. */
  async function takeQuiz(userId: string, quizId: string, right: boolean) {
    const r = await takeCourseQuiz(t.db, course, userId, quizId, right);
    expect(r.passed).toBe(right);
    return r.attemptId;
  }
  const certificateOf = (userId: string) =>
    t.db.certificate.findUnique({ where: { userId }, select: { id: true, issuedAt: true } });
  /** Everything but the final, written straight in (how is covered by the other tests). */
  async function finishModules(userId: string, except?: { lesson?: string; quiz?: string }) {
    for (const m of course.modules)
      for (const l of m.lessons)
        if (`${m.slug}/${l}` !== except?.lesson)
          await t.db.lessonProgress.create({ data: { userId, moduleSlug: m.slug, lessonSlug: l } });
    for (const m of course.modules)
      if (m.quizId && m.quizId !== except?.quiz)
        await t.db.attempt.create({
          data: { userId, quizId: m.quizId, questionIds: [], submittedAt: new Date(), percent: 100, passed: true },
        });
  }

  it("a module is done when its lessons are done and its quiz passed; the pass of the final issues the certificate in its own transaction", async () => {
    const userId = await learner("grad@test.cn");
    expect(await markLessonDone(t.db, course, userId, "evolution", "no-such-lesson")).toEqual({
      ok: false,
      code: "UNKNOWN_LESSON",
    });
    for (const m of course.modules) for (const l of m.lessons) await markLessonDone(t.db, course, userId, m.slug, l);
    let progress = await getLearnerProgress(t.db, course, userId);
    const withQuiz = progress.modules.filter((m) => m.hasQuiz);
    expect(withQuiz.length).toBeGreaterThan(0);
    expect(withQuiz.every((m) => !m.done && m.stepsDone === m.stepsTotal - 1)).toBe(true); // quizzes not passed
    expect(progress.finalOpen).toBe(false);

    for (const m of withQuiz) await takeQuiz(userId, m.slug, true);
    progress = await getLearnerProgress(t.db, course, userId);
    expect(progress.modules.every((m) => m.done && m.stepsDone === m.stepsTotal)).toBe(true);
    expect(progress.finalOpen).toBe(true);
    expect(progress.courseDone).toBe(false);
    expect(await certificateOf(userId)).toBeNull(); // not before the final is passed

    await takeQuiz(userId, FINAL_QUIZ_ID, false); // a failed final completes nothing
    expect(await certificateOf(userId)).toBeNull();

    const attemptId = await takeQuiz(userId, FINAL_QUIZ_ID, true);
    // Issued by the submission itself, with nobody opening /me: now() is the transaction's start,
    // so the same time on both rows means the same transaction.
    const cert = await certificateOf(userId);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { submittedAt: true } });
    expect(cert?.issuedAt).toEqual(attempt.submittedAt);
    progress = await getLearnerProgress(t.db, course, userId);
    expect(progress.courseDone).toBe(true);
    expect(progress.next).toBeNull();

    // Once only: checking again (or another completing event) keeps the same certificate.
    expect(await t.db.$transaction((tx) => issueCertificateIfComplete(tx, course, userId))).toBe(cert!.id);
    await takeQuiz(userId, FINAL_QUIZ_ID, true);
    expect(await t.db.certificate.findMany({ where: { userId }, select: { id: true } })).toEqual([{ id: cert!.id }]);
    expect(await getCertificateFacts(t.db, cert!.id)).toMatchObject({ number: cert!.id, name: "结业学员" });
    expect(await getCertificateFacts(t.db, "not-a-certificate")).toBeNull();
  });

  it("with the final passed earlier (the course grew since), the last lesson tick issues it in the tick's transaction", async () => {
    const userId = await learner("late-lesson@test.cn");
    const last = course.modules.at(-1)!;
    const lastLesson = `${last.slug}/${last.lessons.at(-1)}`;
    await finishModules(userId, { lesson: lastLesson });
    await t.db.attempt.create({
      data: { userId, quizId: FINAL_QUIZ_ID, questionIds: [], submittedAt: new Date(), percent: 90, passed: true },
    });
    expect(await certificateOf(userId)).toBeNull();
    await markLessonDone(t.db, course, userId, course.modules[0]!.slug, course.modules[0]!.lessons[0]!); // a repeat tick
    expect(await certificateOf(userId)).toBeNull();

    const r = await markLessonDone(t.db, course, userId, last.slug, last.lessons.at(-1)!);
    const cert = await certificateOf(userId);
    expect(r).toEqual({ ok: true, certificateId: cert?.id });
    const tick = await t.db.lessonProgress.findUniqueOrThrow({
      where: { userId_moduleSlug_lessonSlug: { userId, moduleSlug: last.slug, lessonSlug: last.lessons.at(-1)! } },
      select: { completedAt: true },
    });
    expect(cert?.issuedAt).toEqual(tick.completedAt);
  });

  it("with the final passed earlier, the last module-quiz pass issues it in the submission's transaction", async () => {
    const userId = await learner("late-quiz@test.cn");
    const quiz = course.modules[2]!.quizId!;
    await finishModules(userId, { quiz });
    await t.db.attempt.create({
      data: { userId, quizId: FINAL_QUIZ_ID, questionIds: [], submittedAt: new Date(), percent: 90, passed: true },
    });
    await takeQuiz(userId, quiz, false);
    expect(await certificateOf(userId)).toBeNull();
    const attemptId = await takeQuiz(userId, quiz, true);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { submittedAt: true } });
    expect((await certificateOf(userId))?.issuedAt).toEqual(attempt.submittedAt);
  });
});
