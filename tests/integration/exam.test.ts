// The final as an exam (issue 19, docs/decisions/0029): balanced draws that can be repeated from
// the attempt's id, a deadline the server enforces (the autosaves scored once at expiry, however
// many sweeps run), the cohort window, extra attempts and the attempt limit under parallel starts.
// On PostgreSQL: the races are only real with parallel connections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { expireOverdueAttempts, saveAnswer, startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { GRACE_MS } from "@/lib/quiz/deadline";
import { questionsForAttempt } from "@/lib/quiz/draw";
import { grantExtraAttempt } from "@/lib/quiz/extra-attempts";
import { FINAL_QUIZ_ID, loadQuizzes } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";
import { rightResponse } from "@/lib/quiz/score";
import { syncQuizzes } from "@/lib/quiz/sync";
import { recordPageHidden } from "@/lib/quiz/visibility";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { requireSystemTool, skipReason } from "../support/system-tools";

const noPostgres = skipReason("postgres");
const content = loadContent();
const quizzes = loadQuizzes(content);
const course = courseShapeOf(content, quizzes);
const final = quizzes.find((q) => q.id === FINAL_QUIZ_ID)!;
const MINUTE = 60_000;

describe.skipIf(noPostgres)(`the final as an exam${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let server: PostgresServer | undefined;
  let db: PrismaClient;
  let cohortId: string;
  let trainer: { id: string; name: string; role: "TRAINER"; organisationId: null };
  let n = 0;

  beforeAll(async () => {
    requireSystemTool("postgres");
    server = await startPostgresServer();
    await applyMigrations(server.url);
    db = createPrismaClient(server.url, 40);
    await syncQuizzes(db, quizzes);
    const org = await db.organisation.create({ data: { name: "测试银行", code: "TST" }, select: { id: true } });
    const t = await db.user.create({
      data: { email: "trainer@test.cn", name: "培训师", passwordHash: "x", role: "TRAINER" },
      select: { id: true, name: true },
    });
    trainer = { ...t, role: "TRAINER", organisationId: null };
    await db.organisationTrainer.create({ data: { organisationId: org.id, trainerId: t.id } });
    cohortId = (
      await db.cohort.create({
        data: { name: "考试班", inviteCode: "EXAM2026", trainerId: t.id, organisationId: org.id },
        select: { id: true },
      })
    ).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    server?.destroy();
  });

  /** A learner of the cohort with every module done (as finishModules does in the browser tests). */
  async function readyLearner() {
    const { id } = await db.user.create({
      data: { email: `exam${n++}@test.cn`, name: "考生", passwordHash: "x" },
      select: { id: true },
    });
    await db.cohortMember.create({ data: { cohortId, userId: id } });
    await db.lessonProgress.createMany({
      data: course.modules.flatMap((m) => m.lessons.map((l) => ({ userId: id, moduleSlug: m.slug, lessonSlug: l }))),
    });
    await db.attempt.createMany({
      data: course.modules.map((m) => ({
        userId: id,
        quizId: m.quizId!,
        questionIds: [],
        submittedAt: new Date(),
        correct: 1,
        total: 1,
        percent: 100,
        passed: true,
      })),
    });
    return id;
  }

  async function versionsOf(ids: string[]) {
    const rows = await db.questionVersion.findMany({ where: { id: { in: ids } }, select: { id: true, data: true } });
    return new Map(rows.map((r) => [r.id, r.data as Question]));
  }

  it("draws are balanced and reproducible for a given attempt", async () => {
    const pool = await db.questionVersion.findMany({
      where: { quizId: FINAL_QUIZ_ID, active: true },
      orderBy: { position: "asc" },
      select: { id: true, data: true },
    });
    const poolQuestions = pool.map((v) => ({ id: v.id, module: (v.data as Question).tags[0]! }));
    const moduleOf = new Map(poolQuestions.map((q) => [q.id, q.module]));
    const modules = new Set(poolQuestions.map((q) => q.module));
    const sets = new Set<string>();
    const attemptIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const userId = await readyLearner();
      const started = await startAttempt(db, course, userId, FINAL_QUIZ_ID);
      if (!started.ok) throw new Error(started.message);
      attemptIds.push(started.attemptId);
      const { questionIds } = await db.attempt.findUniqueOrThrow({
        where: { id: started.attemptId },
        select: { questionIds: true },
      });
      expect(questionIds).toHaveLength(final.draw!.count);
      expect(new Set(questionIds).size).toBe(final.draw!.count);
      for (const m of modules)
        expect(questionIds.filter((id) => moduleOf.get(id) === m).length).toBeGreaterThanOrEqual(
          final.draw!.minPerModule,
        );
      // The attempt's id gives the same draw and order again; a reload resumes the stored one.
      expect(questionsForAttempt(poolQuestions, final.draw!, final.shuffle, started.attemptId)).toEqual(questionIds);
      expect(await startAttempt(db, course, userId, FINAL_QUIZ_ID)).toMatchObject({
        attemptId: started.attemptId,
        resumed: true,
      });
      sets.add([...questionIds].sort().join());
      // Every drawn question answered right, so item analysis has something per version.
      const byId = await versionsOf(questionIds);
      const answers = Object.fromEntries(questionIds.map((id) => [id, rightResponse(byId.get(id)!)]));
      expect(await submitAttempt(db, course, userId, started.attemptId, answers)).toMatchObject({ percent: 100 });
    }
    expect(sets.size).toBe(12); // two learners rarely see the same set

    // Item analysis counts each question version by the attempts that drew it, not by the cohort.
    const { items } = await getItemAnalysis(db, cohortId, FINAL_QUIZ_ID);
    const stored = await db.attempt.findMany({ where: { id: { in: attemptIds } }, select: { questionIds: true } });
    for (const item of items) {
      const drew = stored.filter((a) => a.questionIds.includes(item.versionId)).length;
      expect(item.responses, item.questionKey).toBe(drew);
      expect(item.correct, item.questionKey).toBe(drew);
    }
  });

  it("a timed attempt expires and is scored from its autosaves once, however many sweeps run", async () => {
    expect(final.timeLimitMinutes).toBe(30);
    const userId = await readyLearner();
    const t0 = new Date();
    const started = await startAttempt(db, course, userId, FINAL_QUIZ_ID, t0);
    if (!started.ok) throw new Error(started.message);
    const attempt = await db.attempt.findUniqueOrThrow({
      where: { id: started.attemptId },
      select: { questionIds: true, deadlineAt: true },
    });
    expect(attempt.deadlineAt).toEqual(new Date(t0.getTime() + 30 * MINUTE));
    const byId = await versionsOf(attempt.questionIds);
    const [q1, q2, q3] = attempt.questionIds;
    // Two answers autosaved in time (one right), one tab switch.
    expect(await saveAnswer(db, userId, started.attemptId, q1!, rightResponse(byId.get(q1!)!), t0)).toEqual({
      ok: true,
    });
    const wrongish = { type: "numeric", value: -999 };
    const second = byId.get(q2!)!;
    await saveAnswer(
      db,
      userId,
      started.attemptId,
      q2!,
      second.type === "numeric" ? wrongish : { ...rightResponse(second) },
      t0,
    );
    expect(await recordPageHidden(db, userId, started.attemptId, t0)).toEqual({ ok: true, counted: true });
    expect(await recordPageHidden(db, userId, started.attemptId, new Date(t0.getTime() + 1000))).toEqual({
      ok: true,
      counted: false,
    });

    // Inside the grace the browser's own submit at 0:00 would still be taken; after it nothing is.
    const late = new Date(t0.getTime() + 30 * MINUTE + GRACE_MS + 1000);
    expect(await saveAnswer(db, userId, started.attemptId, q3!, rightResponse(byId.get(q3!)!), late)).toMatchObject({
      ok: false,
      status: 409,
    });
    // A sweep before the deadline scores nothing.
    expect((await expireOverdueAttempts(db, course, new Date(t0.getTime() + 29 * MINUTE))).attemptIds).not.toContain(
      started.attemptId,
    );

    // Three sweeps at once (three app instances) and one more afterwards: scored exactly once.
    const sweeps = await Promise.all([1, 2, 3].map(() => expireOverdueAttempts(db, course, late)));
    const again = await expireOverdueAttempts(db, course, late);
    expect(sweeps.reduce((s, r) => s + r.scored, 0) + again.scored).toBe(1);
    const scored = await db.attempt.findUniqueOrThrow({
      where: { id: started.attemptId },
      select: {
        submittedAt: true,
        timedOut: true,
        correct: true,
        total: true,
        revision: true,
        visibilityChanges: true,
      },
    });
    expect(scored).toMatchObject({ timedOut: true, total: 20, visibilityChanges: 1 });
    expect(scored.submittedAt).not.toBeNull();
    const rightSaved = second.type === "numeric" ? 1 : 2;
    expect(scored.correct).toBe(rightSaved);

    // The learner's late submit with every answer right: refused with a clear message, score unchanged.
    const all = Object.fromEntries(attempt.questionIds.map((id) => [id, rightResponse(byId.get(id)!)]));
    const lateSubmit = await submitAttempt(db, course, userId, started.attemptId, all, late);
    expect(lateSubmit).toMatchObject({ ok: false, status: 409 });
    expect(lateSubmit.ok ? "" : lateSubmit.message).toMatch(
      /^作答时间已于 .*（北京时间）截止，这次提交未被接受；截止前自动保存的答案已计分。$/,
    );
    expect(await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { correct: true } })).toEqual(
      { correct: rightSaved },
    );
    expect(await db.answer.count({ where: { attemptId: started.attemptId } })).toBe(2);
    // Hidden pages are no longer counted once the attempt is over.
    expect(await recordPageHidden(db, userId, started.attemptId, late)).toMatchObject({ ok: false });
  });

  it("a late submit that finds the attempt still open scores the autosaves and is refused", async () => {
    const userId = await readyLearner();
    const t0 = new Date();
    const started = await startAttempt(db, course, userId, FINAL_QUIZ_ID, t0);
    if (!started.ok) throw new Error(started.message);
    const late = new Date(t0.getTime() + 31 * MINUTE);
    const r = await submitAttempt(db, course, userId, started.attemptId, {}, late);
    expect(r).toMatchObject({ ok: false, status: 409 });
    expect(
      await db.attempt.findUniqueOrThrow({
        where: { id: started.attemptId },
        select: { timedOut: true, correct: true },
      }),
    ).toEqual({ timedOut: true, correct: 0 });
    // Starting again afterwards lands on a fresh attempt (two of three left).
    expect(await startAttempt(db, course, userId, FINAL_QUIZ_ID, late)).toMatchObject({ ok: true, resumed: false });
  });

  it("30 parallel starts never exceed the attempt limit, extra attempt included", async () => {
    const userId = await readyLearner();
    const round = async () => {
      const s = await startAttempt(db, course, userId, FINAL_QUIZ_ID);
      if (!s.ok) return s.status;
      const r = await submitAttempt(db, course, userId, s.attemptId, {});
      return r.ok ? 200 : r.status;
    };
    const first = await Promise.all(Array.from({ length: 30 }, round));
    expect(first.every((s) => s === 200 || s === 409)).toBe(true);
    for (let k = 0; k < 5; k++) await round();
    const used = () => db.attempt.count({ where: { userId, quizId: FINAL_QUIZ_ID, submittedAt: { not: null } } });
    expect(await used()).toBe(final.attemptsAllowed);

    // Two trainers grant at once: one extra attempt, audited once; then 30 parallel starts use one.
    const grants = await Promise.all([1, 2].map(() => grantExtraAttempt(db, trainer, cohortId, userId)));
    expect(
      grants.filter((g) => g.ok),
      JSON.stringify(grants),
    ).toHaveLength(1);
    expect(grants.find((g) => !g.ok)).toEqual({ ok: false, code: "ATTEMPTS_LEFT" });
    expect(await db.auditEvent.count({ where: { action: "EXTRA_ATTEMPT_GRANT", target: userId } })).toBe(1);
    await Promise.all(Array.from({ length: 30 }, round));
    expect(await used()).toBe(final.attemptsAllowed! + 1);
    // At most one unfinished attempt left by the race, which can never be submitted (decision 0014).
    expect(await db.attempt.count({ where: { userId, quizId: FINAL_QUIZ_ID, submittedAt: null } })).toBeLessThanOrEqual(
      1,
    );
    expect(await startAttempt(db, course, userId, FINAL_QUIZ_ID)).toMatchObject({ ok: false, status: 409 });
  });

  it("the cohort window: closed before and after, and an attempt never outlives it", async () => {
    const userId = await readyLearner();
    const now = new Date();
    const closesAt = new Date(now.getTime() + 10 * MINUTE);
    // A cohort of its own, so the other tests' learners have no window.
    const own = await db.cohort.create({
      data: {
        name: "窗口班",
        inviteCode: "WIN2026",
        trainerId: trainer.id,
        organisationId: (await db.cohort.findUniqueOrThrow({ where: { id: cohortId } })).organisationId,
        finalOpensAt: new Date(now.getTime() + 5 * MINUTE),
        finalClosesAt: closesAt,
      },
      select: { id: true },
    });
    await db.cohortMember.deleteMany({ where: { userId } });
    await db.cohortMember.create({ data: { cohortId: own.id, userId } });
    const before = await startAttempt(db, course, userId, FINAL_QUIZ_ID, now);
    expect(before).toMatchObject({ ok: false, status: 403 });
    expect(before.ok ? "" : before.message).toMatch(/^结业测评将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）开放/);
    const inside = await startAttempt(db, course, userId, FINAL_QUIZ_ID, new Date(now.getTime() + 6 * MINUTE));
    if (!inside.ok) throw new Error(inside.message);
    const { deadlineAt } = await db.attempt.findUniqueOrThrow({
      where: { id: inside.attemptId },
      select: { deadlineAt: true },
    });
    expect(deadlineAt).toEqual(closesAt); // 30 minutes would run past the close
    const after = new Date(now.getTime() + 11 * MINUTE);
    // After the close the open attempt is scored and returned, then the final is closed.
    expect(await startAttempt(db, course, userId, FINAL_QUIZ_ID, after)).toMatchObject({
      ok: true,
      attemptId: inside.attemptId,
      resumed: true,
    });
    expect(await startAttempt(db, course, userId, FINAL_QUIZ_ID, after)).toMatchObject({ ok: false, status: 403 });
  });
});
