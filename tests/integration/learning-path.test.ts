import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { stepAfterLesson } from "@/lib/progress/course-path";
import { getLearnerProgress, markLessonDone } from "@/lib/progress/progress";
import { startAttempt } from "@/lib/quiz/attempts";
import { FINAL_QUIZ_ID, loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { createLearner, takeQuiz as takeCourseQuiz } from "../support/course-learner";
import { createTestDb, type TestDb } from "../support/test-db";

describe("the learning path (real course content)", () => {
  let t: TestDb;
  const content = loadContent();
  const quizzes = loadQuizzes(content);
  const course = courseShapeOf(content, quizzes);
  const [m1, m2] = course.modules;
  beforeAll(async () => {
    t = await createTestDb();
    await syncQuizzes(t.db, quizzes);
  });
  afterAll(() => t.close());

  const learner = (email: string) => createLearner(t.db, email);
  async function takeQuiz(userId: string, quizId: string, right: boolean) {
    if ((await takeCourseQuiz(t.db, course, userId, quizId, right)).passed !== right) throw new Error("quiz");
  }
  const nextHref = async (userId: string) => (await getLearnerProgress(t.db, course, userId)).next?.href ?? null;

  it("a module's last lesson leads to its quiz; the last module's quiz is followed by the final", () => {
    expect(stepAfterLesson(course, m1!.slug, m1!.lessons[0]!)?.href).toBe(`/course/${m1!.slug}/${m1!.lessons[1]}`);
    expect(stepAfterLesson(course, m1!.slug, m1!.lessons.at(-1)!)).toMatchObject({
      kind: "quiz",
      href: `/quiz/${m1!.slug}`,
    });
    const last = course.modules.at(-1)!;
    expect(stepAfterLesson(course, last.slug, last.lessons.at(-1)!)).toMatchObject({
      kind: "quiz",
      href: `/quiz/${last.slug}`,
    });
    expect(stepAfterLesson(course, "no-such-module", "x")).toBeNull();
  });

  it("继续学习 points at the first unfinished step in course order: lessons, then the module's quiz (failed counts as unfinished), then the final", async () => {
    const userId = await learner("path@test.cn");
    expect(await nextHref(userId)).toBe(`/course/${m1!.slug}/${m1!.lessons[0]}`);
    // A lesson further on does not move the target past an earlier gap.
    await markLessonDone(t.db, course, userId, m2!.slug, m2!.lessons[0]!);
    expect(await nextHref(userId)).toBe(`/course/${m1!.slug}/${m1!.lessons[0]}`);
    for (const l of m1!.lessons) await markLessonDone(t.db, course, userId, m1!.slug, l);
    expect(await nextHref(userId)).toBe(`/quiz/${m1!.slug}`);
    await takeQuiz(userId, m1!.quizId!, false);
    expect(await nextHref(userId)).toBe(`/quiz/${m1!.slug}`); // failed: still the quiz, not module 2
    let progress = await getLearnerProgress(t.db, course, userId);
    expect(progress.modules[0]).toMatchObject({ done: false, lessonsDone: m1!.lessons.length, quizAttempts: 1 });
    expect(progress.modules[0]!.stepsDone).toBeLessThan(progress.modules[0]!.stepsTotal); // the bar is not full
    await takeQuiz(userId, m1!.quizId!, true);
    expect(await nextHref(userId)).toBe(`/course/${m2!.slug}/${m2!.lessons[1]}`);

    for (const m of course.modules) for (const l of m.lessons) await markLessonDone(t.db, course, userId, m.slug, l);
    for (const m of course.modules.slice(1)) await takeQuiz(userId, m.quizId!, true);
    expect(await nextHref(userId)).toBe(`/quiz/${FINAL_QUIZ_ID}`);
    await takeQuiz(userId, FINAL_QUIZ_ID, false);
    expect(await nextHref(userId)).toBe(`/quiz/${FINAL_QUIZ_ID}`);
    await takeQuiz(userId, FINAL_QUIZ_ID, true);
    progress = await getLearnerProgress(t.db, course, userId);
    expect(progress.courseDone).toBe(true);
    expect(progress.next).toBeNull();
  });

  it("the server refuses to start the final until every module is done, and creates nothing", async () => {
    const userId = await learner("gate@test.cn");
    const refused = await startAttempt(t.db, course, userId, FINAL_QUIZ_ID);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    // All lessons ticked is not enough: each module's quiz must be passed too.
    for (const m of course.modules) for (const l of m.lessons) await markLessonDone(t.db, course, userId, m.slug, l);
    for (const m of course.modules.slice(0, -1)) await takeQuiz(userId, m.quizId!, true);
    expect(await startAttempt(t.db, course, userId, FINAL_QUIZ_ID)).toMatchObject({ ok: false, status: 403 });
    expect(await t.db.attempt.count({ where: { userId, quizId: FINAL_QUIZ_ID } })).toBe(0);
    const progress = await getLearnerProgress(t.db, course, userId);
    expect(progress.modules.filter((m) => !m.done).map((m) => m.slug)).toEqual([course.modules.at(-1)!.slug]);

    await takeQuiz(userId, course.modules.at(-1)!.quizId!, true);
    const started = await startAttempt(t.db, course, userId, FINAL_QUIZ_ID);
    expect(started).toMatchObject({ ok: true, resumed: false });

    // The final is drawn from its pool as the file says: count questions, the minimum from every module.
    const final = quizzes.find((q) => q.id === FINAL_QUIZ_ID)!;
    expect(final.draw).toBeDefined();
    const { questionIds } = await t.db.attempt.findUniqueOrThrow({
      where: { id: (started as { attemptId: string }).attemptId },
      select: { questionIds: true },
    });
    expect(questionIds).toHaveLength(final.draw!.count);
    const drawn = await t.db.questionVersion.findMany({ where: { id: { in: questionIds } }, select: { data: true } });
    const perModule = new Map<string, number>();
    for (const v of drawn) {
      const slug = (v.data as { tags: string[] }).tags[0]!;
      perModule.set(slug, (perModule.get(slug) ?? 0) + 1);
    }
    for (const m of course.modules) expect(perModule.get(m.slug) ?? 0).toBeGreaterThanOrEqual(final.draw!.minPerModule);
  });
});
