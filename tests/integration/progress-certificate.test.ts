import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import { getCertificate, issueCertificateIfComplete } from "@/lib/certificates/certificates";
import { loadContent } from "@/lib/content/load";
import { getLearnerProgress, markLessonDone } from "@/lib/progress/progress";
import { startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { loadQuizzes } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";
import { rightResponse } from "@/lib/quiz/score";
import { syncQuizzes } from "@/lib/quiz/sync";
import { createTestDb, type TestDb } from "../support/test-db";

describe("progress and the certificate (real course content)", () => {
  let t: TestDb;
  const content = loadContent();
  const quizzes = loadQuizzes(content);
  const quizIds = quizzes.map((q) => q.id);
  beforeAll(async () => {
    t = await createTestDb();
    await syncQuizzes(t.db, quizzes);
  });
  afterAll(() => t.close());

  it("a module is done when its lessons are done and its quiz passed; the certificate comes with the whole course", async () => {
    const r = await createAccount(t.db, { name: "结业学员", email: "grad@test.cn", password: "long enough secret" });
    if (!r.ok) throw new Error("setup");
    const userId = r.value.id;
    expect(await markLessonDone(t.db, content, userId, "evolution", "no-such-lesson")).toEqual({
      ok: false,
      message: "没有这节课",
    });

    for (const m of content.modules)
      for (const l of m.lessons) await markLessonDone(t.db, content, userId, m.slug, l.slug);
    let progress = await getLearnerProgress(t.db, content, quizIds, userId);
    const withQuiz = progress.modules.filter((m) => m.hasQuiz);
    expect(withQuiz.length).toBeGreaterThan(0);
    expect(withQuiz.every((m) => !m.done)).toBe(true); // quizzes not passed yet
    expect(progress.courseDone).toBe(false);
    expect(await issueCertificateIfComplete(t.db, content, quizIds, userId)).toBeNull();

    for (const quiz of quizzes) {
      const s = await startAttempt(t.db, userId, quiz.id);
      if (!s.ok) throw new Error(s.message);
      const versions = await t.db.questionVersion.findMany({
        where: { quizId: quiz.id, active: true },
        select: { id: true, data: true },
      });
      const answers = Object.fromEntries(versions.map((v) => [v.id, rightResponse(v.data as Question)]));
      expect(await submitAttempt(t.db, userId, s.attemptId, answers)).toMatchObject({
        ok: true,
        passed: true,
        percent: 100,
      });
    }
    progress = await getLearnerProgress(t.db, content, quizIds, userId);
    expect(progress.modules.every((m) => m.done)).toBe(true);
    expect(progress.courseDone).toBe(true);
    expect(progress.continueHref).toBeNull();

    const id = await issueCertificateIfComplete(t.db, content, quizIds, userId);
    expect(id).toMatch(/^[A-Z2-9]{20}$/);
    expect(await issueCertificateIfComplete(t.db, content, quizIds, userId)).toBe(id); // once only
    expect(await getCertificate(t.db, id!)).toMatchObject({ id, name: "结业学员" });
    expect(await getCertificate(t.db, "not-a-certificate")).toBeNull();
  });
});
