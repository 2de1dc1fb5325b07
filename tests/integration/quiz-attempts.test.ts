import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import type { LoadedQuiz } from "@/lib/quiz/load";
import { quizSchema } from "@/lib/quiz/schema";
import { syncQuizzes } from "@/lib/quiz/sync";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { requireSystemTool, skipReason } from "../support/system-tools";
import { createTestDb, type TestDb } from "../support/test-db";

const baseQuestion = { explanation: "解析", lesson: "evolution/four-stages", tags: ["阶段"] };
function makeQuiz(overrides: Partial<LoadedQuiz> = {}, stagePrompt = "把四个阶段按顺序排列"): LoadedQuiz {
  const quiz = quizSchema.parse({
    id: "evolution",
    title: "模块一测验",
    shuffle: false,
    questions: [
      {
        ...baseQuestion,
        id: "stage-order",
        type: "ordering",
        prompt: stagePrompt,
        items: ["产品认同", "批量获客", "客户经营", "生态圈打造"],
      },
      {
        ...baseQuestion,
        id: "north-star",
        type: "single",
        prompt: "平安的北极星指标?",
        choices: [
          { id: "a", text: "发卡量" },
          { id: "b", text: "实动率", correct: true },
        ],
      },
      { ...baseQuestion, id: "rate", type: "numeric", prompt: "活卡率?", answer: 9, tolerance: 0.1 },
    ],
  });
  return { ...quiz, moduleSlug: "evolution", file: "test", ...overrides };
}
// A one-module course without a final: these tests are about attempts, not the final's gate
// (tests/integration/learning-path.test.ts), so the quiz called "final" here is not gated.
const course: CourseShape = {
  modules: [
    {
      slug: "evolution",
      number: 1,
      title: "模块一",
      lessons: ["four-stages"],
      quizId: "evolution",
      quizTitle: "模块一测验",
    },
  ],
  finalQuizId: null,
};
const RIGHT = {
  "stage-order": { type: "ordering", order: [0, 1, 2, 3] },
  "north-star": { type: "single", choice: "b" },
  rate: { type: "numeric", value: 9 },
};

async function versionIds(db: PrismaClient, quizId = "evolution") {
  const rows = await db.questionVersion.findMany({
    where: { quizId, active: true },
    select: { id: true, questionKey: true },
  });
  return Object.fromEntries(rows.map((r) => [r.questionKey, r.id]));
}

async function learner(db: PrismaClient, email: string) {
  const r = await createAccount(db, { name: "学员", email, password: "long enough secret" });
  if (!r.ok) throw new Error("setup");
  return r.value.id;
}

describe("quiz sync and attempts (PGlite)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("versions an edited question, keeps old attempts on the old version, and a repeat sync changes nothing", async () => {
    expect(await syncQuizzes(t.db, [makeQuiz()])).toEqual({ created: 3 });
    expect(await syncQuizzes(t.db, [makeQuiz()])).toEqual({ created: 0 });
    const user = await learner(t.db, "versions@test.cn");
    const started = await startAttempt(t.db, course, user, "evolution");
    if (!started.ok) throw new Error("start");
    const before = (
      await t.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questionIds: true } })
    ).questionIds;

    expect(await syncQuizzes(t.db, [makeQuiz({}, "请排列四个阶段")])).toEqual({ created: 1 });
    const versions = await t.db.questionVersion.findMany({
      where: { questionKey: "stage-order" },
      orderBy: { version: "asc" },
      select: { version: true, active: true },
    });
    expect(versions).toEqual([
      { version: 1, active: false },
      { version: 2, active: true },
    ]);
    const after = (
      await t.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questionIds: true } })
    ).questionIds;
    expect(after).toEqual(before);
  });

  it("saves answers as the learner goes, scores on submit, and a second submit returns the same result", async () => {
    await syncQuizzes(t.db, [makeQuiz()]);
    const user = await learner(t.db, "submit@test.cn");
    const started = await startAttempt(t.db, course, user, "evolution");
    if (!started.ok) throw new Error("start");
    const again = await startAttempt(t.db, course, user, "evolution");
    expect(again).toMatchObject({ ok: true, attemptId: started.attemptId, resumed: true });

    const ids = await versionIds(t.db);
    expect(await saveAnswer(t.db, user, started.attemptId, ids["north-star"]!, RIGHT["north-star"])).toEqual({
      ok: true,
    });
    expect(
      await saveAnswer(t.db, user, started.attemptId, ids["north-star"]!, { type: "single", choice: "z" }),
    ).toMatchObject({ ok: false, status: 422 });
    expect(
      await saveAnswer(t.db, user, started.attemptId, ids["rate"]!, { type: "single", choice: "a" }),
    ).toMatchObject({ ok: false, status: 422 });

    const first = await submitAttempt(t.db, course, user, started.attemptId, { [ids["rate"]!]: RIGHT.rate });
    expect(first).toMatchObject({
      ok: true,
      alreadySubmitted: false,
      correct: 2,
      total: 3,
      percent: 66.7,
      passed: false,
    });
    const second = await submitAttempt(t.db, course, user, started.attemptId, {
      [ids["stage-order"]!]: RIGHT["stage-order"],
    });
    expect(second).toMatchObject({ ok: true, alreadySubmitted: true, correct: 2, total: 3, percent: 66.7 });
    expect(await saveAnswer(t.db, user, started.attemptId, ids["stage-order"]!, RIGHT["stage-order"])).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it("refuses someone else's attempt, unknown quizzes, foreign questions and attempts beyond the limit", async () => {
    await syncQuizzes(t.db, [makeQuiz({ id: "final", moduleSlug: null, attemptsAllowed: 1 })]);
    const owner = await learner(t.db, "owner@test.cn");
    const other = await learner(t.db, "other@test.cn");
    const started = await startAttempt(t.db, course, owner, "final");
    if (!started.ok) throw new Error("start");
    const ids = await versionIds(t.db, "final");
    expect(await saveAnswer(t.db, other, started.attemptId, ids["rate"]!, RIGHT.rate)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await submitAttempt(t.db, course, other, started.attemptId)).toMatchObject({ ok: false, status: 404 });
    expect(await startAttempt(t.db, course, owner, "no-such-quiz")).toMatchObject({ ok: false, status: 404 });
    const evolutionIds = await versionIds(t.db, "evolution");
    expect(await saveAnswer(t.db, owner, started.attemptId, evolutionIds["rate"]!, RIGHT.rate)).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(
      await submitAttempt(t.db, course, owner, started.attemptId, { [evolutionIds["rate"]!]: RIGHT.rate }),
    ).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(
      await t.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { submittedAt: true } }),
    ).toEqual({ submittedAt: null });

    expect((await submitAttempt(t.db, course, owner, started.attemptId)).ok).toBe(true);
    expect(await startAttempt(t.db, course, owner, "final")).toMatchObject({ ok: false, status: 409 });
  });
});

const noPostgres = skipReason("postgres");

describe.skipIf(noPostgres)(
  `concurrent submissions on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`,
  () => {
    let server: PostgresServer | undefined;
    let db: PrismaClient;
    beforeAll(async () => {
      requireSystemTool("postgres");
      server = await startPostgresServer();
      await applyMigrations(server.url);
      db = createPrismaClient(server.url, 40);
    });
    afterAll(async () => {
      await db?.$disconnect();
      server?.destroy();
    });

    it("M4: 30 parallel start-and-submit rounds on a 3-attempt quiz score at most 3 attempts", async () => {
      await syncQuizzes(db, [makeQuiz({ id: "limited", moduleSlug: null, attemptsAllowed: 3 })]);
      const userId = (
        await db.user.create({ data: { email: "race@test.cn", name: "抢跑", passwordHash: "x" }, select: { id: true } })
      ).id;
      const rounds = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const started = await startAttempt(db, course, userId, "limited");
          if (!started.ok) return started.status;
          const submitted = await submitAttempt(db, course, userId, started.attemptId, {});
          return submitted.ok ? 200 : submitted.status;
        }),
      );
      const scored = await db.attempt.count({ where: { userId, quizId: "limited", submittedAt: { not: null } } });
      const open = await db.attempt.count({ where: { userId, quizId: "limited", submittedAt: null } });
      expect(scored).toBeLessThanOrEqual(3);
      expect(open).toBeLessThanOrEqual(1);
      expect(rounds.every((r) => r === 200 || r === 409)).toBe(true);
      // Then, one at a time, the learner uses what is left: exactly 3 in all, and the next start
      // is refused outright.
      for (let k = 0; k < 5; k++) {
        const s = await startAttempt(db, course, userId, "limited");
        if (!s.ok) {
          expect(s.status).toBe(409);
          break;
        }
        expect((await submitAttempt(db, course, userId, s.attemptId, {})).ok).toBe(true);
      }
      expect(await db.attempt.count({ where: { userId, quizId: "limited", submittedAt: { not: null } } })).toBe(3);
    });

    it("200 learners submit at once, some twice: one scored attempt each, scores right, nothing partial", async () => {
      await syncQuizzes(db, [makeQuiz()]);
      const ids = await versionIds(db);
      const users = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          db.user.create({
            data: { email: `c${i}@test.cn`, name: `学员${i}`, passwordHash: "x" },
            select: { id: true },
          }),
        ),
      );
      const attempts = await Promise.all(
        users.map(async (u) => {
          const s = await startAttempt(db, course, u.id, "evolution");
          if (!s.ok) throw new Error("start");
          return { userId: u.id, attemptId: s.attemptId };
        }),
      );
      // Even-numbered learners answer everything right; odd ones get the numeric question wrong.
      const answersFor = (i: number) => ({
        [ids["stage-order"]!]: RIGHT["stage-order"],
        [ids["north-star"]!]: RIGHT["north-star"],
        [ids["rate"]!]: i % 2 === 0 ? RIGHT.rate : { type: "numeric", value: 12 },
      });
      const calls = attempts.flatMap((a, i) => {
        const once = () => submitAttempt(db, course, a.userId, a.attemptId, answersFor(i));
        return i % 10 === 0 ? [once(), once()] : [once()]; // every tenth learner double-submits
      });
      const results = await Promise.all(calls);
      expect(results.every((r) => r.ok)).toBe(true);

      const rows = await db.attempt.findMany({
        where: { quizId: "evolution", userId: { in: users.map((u) => u.id) } },
        select: { userId: true, correct: true, passed: true, submittedAt: true },
      });
      expect(rows).toHaveLength(200);
      const index = new Map(users.map((u, i) => [u.id, i]));
      for (const r of rows) {
        const i = index.get(r.userId)!;
        expect(r.submittedAt).not.toBeNull();
        expect(r.correct).toBe(i % 2 === 0 ? 3 : 2);
        expect(r.passed).toBe(i % 2 === 0);
      }
      const answers = await db.answer.count({ where: { attempt: { userId: { in: users.map((u) => u.id) } } } });
      expect(answers).toBe(600);
      const unscored = await db.answer.count({
        where: { correct: null, attempt: { userId: { in: users.map((u) => u.id) } } },
      });
      expect(unscored).toBe(0);
      // For each double submit, both calls report the same score.
      const doubled = results.filter((r) => r.ok && r.alreadySubmitted);
      expect(doubled).toHaveLength(20);
    });

    it("autosaves racing a submit are either scored with it or refused, never left unscored", async () => {
      const ids = await versionIds(db);
      const users = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          db.user.create({
            data: { email: `race${i}@test.cn`, name: `竞态${i}`, passwordHash: "x" },
            select: { id: true },
          }),
        ),
      );
      const attempts = await Promise.all(
        users.map(async (u) => {
          const s = await startAttempt(db, course, u.id, "evolution");
          if (!s.ok) throw new Error("start");
          return { userId: u.id, attemptId: s.attemptId };
        }),
      );
      // The submit carries two answers; the third arrives by autosave at the same moment (three
      // tries, as a flaky connection would retry).
      const outcomes = await Promise.all(
        attempts.map(async (a) => {
          const submit = submitAttempt(db, course, a.userId, a.attemptId, {
            [ids["stage-order"]!]: RIGHT["stage-order"],
            [ids["north-star"]!]: RIGHT["north-star"],
          });
          const saves = Array.from({ length: 3 }, (_, k) =>
            new Promise((r) => setTimeout(r, k)).then(() =>
              saveAnswer(db, a.userId, a.attemptId, ids.rate!, RIGHT.rate),
            ),
          );
          const [submitted, ...saved] = await Promise.all([submit, ...saves]);
          return { ...a, submitted, savedOk: saved.some((x) => x.ok), saved };
        }),
      );
      for (const o of outcomes) {
        expect(o.submitted.ok).toBe(true);
        expect(o.saved.every((x) => x.ok || x.status === 409)).toBe(true);
        const attempt = await db.attempt.findUniqueOrThrow({
          where: { id: o.attemptId },
          select: { correct: true, submittedAt: true },
        });
        const answers = await db.answer.findMany({
          where: { attemptId: o.attemptId },
          select: { questionVersionId: true, correct: true },
        });
        expect(attempt.submittedAt).not.toBeNull();
        // Every stored answer was scored, and the score counts exactly the stored right answers.
        expect(answers.every((x) => x.correct !== null)).toBe(true);
        expect(attempt.correct).toBe(answers.filter((x) => x.correct).length);
        // An autosave that was accepted is in the score; if every one was refused, the answer is not stored.
        const rate = answers.find((x) => x.questionVersionId === ids.rate);
        if (o.savedOk) expect(rate?.correct).toBe(true);
        else expect(rate).toBeUndefined();
        if (o.submitted.ok) expect(o.submitted.correct).toBe(attempt.correct);
      }
    });
  },
);
