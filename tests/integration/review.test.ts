import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { loadQuizzes } from "@/lib/quiz/load";
import { checkPractice, getTopicMastery, getWrongAnswers } from "@/lib/quiz/review";
import type { Question } from "@/lib/quiz/schema";
import { syncQuizzes } from "@/lib/quiz/sync";
import { rightResponse } from "@/lib/quiz/score";
import { createTestDb, type TestDb } from "../support/test-db";

describe("错题回顾", () => {
  let t: TestDb;
  const content = loadContent();
  const quizId = content.modules[0]!.slug;
  const course = courseShapeOf(content, loadQuizzes(content));
  beforeAll(async () => {
    t = await createTestDb();
    await syncQuizzes(t.db, loadQuizzes(content));
  });
  afterAll(() => t?.close());

  it("lists wrong and blank answers of the latest attempt; a later right answer clears them", async () => {
    const user = await t.db.user.create({
      data: { email: "review@test.cn", name: "复习", passwordHash: "x" },
      select: { id: true },
    });
    const versions = await t.db.questionVersion.findMany({
      where: { quizId, active: true },
      orderBy: { position: "asc" },
      select: { id: true, data: true },
    });
    const [first, second, ...rest] = versions;
    const s1 = await startAttempt(t.db, course, user.id, quizId);
    if (!s1.ok) throw new Error(s1.message);
    // The first question right, the second left blank, the rest right except one wrong true/false or choice.
    const answers: Record<string, unknown> = { [first!.id]: rightResponse(first!.data as Question) };
    for (const v of rest) answers[v.id] = rightResponse(v.data as Question);
    const wrongOne = rest.find((v) => (v.data as Question).type === "truefalse")!;
    const q = wrongOne.data as Extract<Question, { type: "truefalse" }>;
    answers[wrongOne.id] = { type: "truefalse", value: !q.answer };
    expect(await submitAttempt(t.db, course, user.id, s1.attemptId, answers)).toMatchObject({
      ok: true,
      correct: versions.length - 2,
    });

    const wrong = await getWrongAnswers(t.db, user.id);
    expect(wrong.map((w) => w.versionId).sort()).toEqual([second!.id, wrongOne.id].sort());
    expect(wrong.find((w) => w.versionId === second!.id)!.yourAnswer).toBe("未作答");
    // A blank question can be practised like a wrong one, and practice records nothing.
    const practice = await checkPractice(t.db, user.id, second!.id, rightResponse(second!.data as Question));
    expect(practice?.correct).toBe(true);
    expect(await t.db.answer.count({ where: { questionVersionId: second!.id } })).toBe(0);
    // Mastery counts the blank as met and wrong.
    const met = (await getTopicMastery(t.db, user.id)).reduce((n, m) => n + m.answered, 0);
    expect(met).toBeGreaterThanOrEqual(versions.length);

    const s2 = await startAttempt(t.db, course, user.id, quizId);
    if (!s2.ok) throw new Error(s2.message);
    const all = Object.fromEntries(versions.map((v) => [v.id, rightResponse(v.data as Question)]));
    expect(await submitAttempt(t.db, course, user.id, s2.attemptId, all)).toMatchObject({ ok: true, percent: 100 });
    expect(await getWrongAnswers(t.db, user.id)).toEqual([]);
  });
});
