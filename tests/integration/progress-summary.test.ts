// The progress summaries (docs/decisions/0028) are kept by triggers inside every write. After a
// random workload of ticks (through the domain's markLessonDone), attempts started, autosaved,
// submitted with their answers, backdated and deleted, ticks removed and learners deleted outright, run eight at a
// time on a real PostgreSQL server, the maintained rows must equal the same rows rebuilt from
// scratch: compared both ways, then rebuilt and compared as stored. The per-learner roll-up
// (LearnerProgress) is kept for the test's course throughout and compared the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { keepProgressRollupFor } from "@/lib/dashboard/learner-progress";
import { progressSummaryDrift, rebuildProgressSummaries } from "@/lib/dashboard/progress-summary";
import { markLessonDone } from "@/lib/progress/progress";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

const course: CourseShape = {
  modules: [
    { slug: "m1", number: 1, title: "一", lessons: ["a", "b", "c"], quizId: "m1", quizTitle: "测验一" },
    { slug: "m2", number: 2, title: "二", lessons: ["d", "e"], quizId: null, quizTitle: null },
    { slug: "m3", number: 3, title: "三", lessons: ["f", "g"], quizId: "m3", quizTitle: "测验三" },
  ],
  finalQuizId: "final",
};
const LESSONS = course.modules.flatMap((m) => m.lessons.map((l) => [m.slug, l] as const));
const QUIZZES = ["m1", "m3", "final"];
const LEARNERS = 6;
const OPERATIONS = 600;
const AT_ONCE = 8;
const versions = (quiz: string) => [0, 1, 2].map((i) => `${quiz}v${i}`);

/** Deterministic, so a failure can be replayed: mulberry32. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function snapshot(t: PostgresTestDb) {
  return {
    summary: await t.db.$queryRaw<unknown[]>`SELECT * FROM "ProgressSummary" ORDER BY "userId", unit`,
    activity: await t.db.$queryRaw<unknown[]>`SELECT * FROM "LearnerActivity" ORDER BY "userId"`,
    topics: await t.db.$queryRaw<unknown[]>`SELECT * FROM "LearnerTopic" ORDER BY "userId", tag`,
    rollup: await t.db.$queryRaw<unknown[]>`SELECT * FROM "LearnerProgress" ORDER BY "userId"`,
  };
}

describe.skipIf(noPostgres)("progress summaries kept on write", () => {
  let t: PostgresTestDb;
  const users = Array.from({ length: LEARNERS }, (_, i) => `s${i}`);

  beforeAll(async () => {
    t = await createPostgresTestDb(AT_ONCE + 2);
    await t.db.quiz.createMany({
      data: QUIZZES.map((id) => ({ id, title: id, passMark: 60, shuffle: false, revealAnswers: "always" })),
    });
    // Three questions per quiz; tags overlap across quizzes, one question has two.
    for (const quiz of QUIZZES)
      for (const [i, tags] of [["指标"], ["银商合作", "客群经营"], [quiz === "final" ? "指标" : "场景"]].entries()) {
        const data = {
          id: `${quiz}q${i}`,
          type: "truefalse",
          prompt: "题",
          explanation: "解析",
          lesson: "m1/a",
          tags,
          answer: true,
        };
        await t.db.questionVersion.create({
          data: {
            id: `${quiz}v${i}`,
            quizId: quiz,
            questionKey: data.id,
            version: 1,
            contentHash: data.id,
            position: i,
            active: true,
            data,
          },
        });
      }
    for (const id of users) await createUser(id);
    // The per-learner roll-up kept for this course from the start, as the app keeps it for its own.
    expect(await keepProgressRollupFor(t.db, course)).toBe(true);
    expect(await keepProgressRollupFor(t.db, course)).toBe(false);
  });
  afterAll(() => t?.close());

  const createUser = (id: string) =>
    t.db.user.create({ data: { id, email: `${id}@test.cn`, name: id, passwordHash: "x" }, select: { id: true } });

  async function operation(rnd: () => number, step: number) {
    const user = users[Math.floor(rnd() * users.length)]!;
    const quiz = QUIZZES[Math.floor(rnd() * QUIZZES.length)]!;
    const [moduleSlug, lessonSlug] = LESSONS[Math.floor(rnd() * LESSONS.length)]!;
    // Times spread over a day, with deliberate ties (whole minutes) between submits.
    const at = new Date(Date.UTC(2026, 5, 1, 0, Math.floor(rnd() * 1440)));
    const open = () =>
      t.db.attempt.findFirst({ where: { userId: user, quizId: quiz, submittedAt: null }, select: { id: true } });
    const any = () =>
      t.db.attempt.findFirst({
        where: { userId: user },
        orderBy: { id: rnd() < 0.5 ? "asc" : "desc" },
        select: { id: true },
      });
    const r = rnd();
    if (r < 0.3) {
      const res = await markLessonDone(t.db, course, user, moduleSlug, lessonSlug);
      expect(res.ok).toBe(true);
    } else if (r < 0.45) {
      if (await open()) return;
      await t.db.attempt
        .create({ data: { id: `a${step}`, userId: user, quizId: quiz, questionIds: versions(quiz), startedAt: at } })
        .catch(() => {}); // a concurrent start of the same quiz: the one-open-attempt index refuses it
    } else if (r < 0.65) {
      const a = await open();
      if (!a) return;
      const percent = Math.round(rnd() * 100);
      const right = versions(quiz).map(() => rnd() < 0.6);
      // As a client that writes the attempt, then its answers, in two statements of one transaction.
      // An autosave of the same attempt committing in between makes the insert meet its answer
      // row: the transaction fails as a whole (P2002) and changes nothing, which is all the
      // summaries must follow; any other error still fails the test.
      await t.db
        .$transaction(async (tx) => {
          const n = await tx.attempt.updateMany({
            where: { id: a.id, submittedAt: null },
            data: {
              submittedAt: new Date(at.getTime() + 60_000),
              percent,
              passed: percent >= 60,
              correct: 1,
              total: 3,
            },
          });
          if (n.count === 0) return;
          await tx.answer.deleteMany({ where: { attemptId: a.id } });
          await tx.answer.createMany({
            data: versions(quiz)
              .map((v, i) => ({
                attemptId: a.id,
                questionVersionId: v,
                response: { type: "truefalse", value: right[i] },
                correct: right[i]!,
              }))
              .filter((_, i) => i !== 2 || rnd() < 0.5), // sometimes left unanswered
          });
        })
        .catch((e: unknown) => {
          if ((e as { code?: string }).code !== "P2002") throw e;
        });
    } else if (r < 0.72) {
      const a = await open();
      if (!a) return;
      // An autosave: one answer and the revision.
      await t.db.answer
        .upsert({
          where: { attemptId_questionVersionId: { attemptId: a.id, questionVersionId: versions(quiz)[0]! } },
          create: {
            attemptId: a.id,
            questionVersionId: versions(quiz)[0]!,
            response: { type: "truefalse", value: true },
          },
          update: { response: { type: "truefalse", value: false } },
        })
        .catch(() => {}); // submitted or deleted meanwhile
      await t.db.attempt.updateMany({ where: { id: a.id }, data: { revision: { increment: 1 } } });
    } else if (r < 0.8) {
      await t.db.lessonProgress.deleteMany({ where: { userId: user, moduleSlug, lessonSlug } });
    } else if (r < 0.86) {
      const a = await any();
      if (a) await t.db.attempt.updateMany({ where: { id: a.id }, data: { startedAt: at } });
    } else if (r < 0.9) {
      await t.db.lessonProgress.updateMany({ where: { userId: user, moduleSlug }, data: { completedAt: at } });
    } else {
      const a = await any();
      if (a) await t.db.attempt.deleteMany({ where: { id: a.id } });
    }
  }

  it("equals the summaries rebuilt from scratch after a random concurrent workload", async () => {
    const rnd = random(20261127);
    for (let step = 0; step < OPERATIONS; step += AT_ONCE) {
      await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => operation(rnd, step + i)));
      if (rnd() < 0.15) {
        // Erasure by deletion, between batches (a deleted learner ticks nothing): the cascade
        // removes the ticks and attempts, the triggers the summaries.
        const user = users[Math.floor(rnd() * users.length)]!;
        await t.db.user.delete({ where: { id: user } });
        await createUser(user);
      }
    }
    const counts = await t.db.$queryRaw<{ summaries: number; learners: number }[]>`
      SELECT (SELECT count(*) FROM "ProgressSummary")::int AS summaries, (SELECT count(*) FROM "LearnerActivity")::int AS learners`;
    // The workload left something to compare (not a vacuous pass).
    expect(counts[0]!.summaries).toBeGreaterThan(LEARNERS);
    expect(counts[0]!.learners).toBeGreaterThan(0);
    expect(await t.db.learnerTopic.count()).toBeGreaterThan(0);
    expect(await t.db.learnerProgress.count({ where: { modulesDone: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await progressSummaryDrift(t.db)).toEqual({ summaryRows: 0, activityRows: 0, topicRows: 0, rollupRows: 0 });
    const kept = await snapshot(t);
    await rebuildProgressSummaries(t.db);
    expect(await snapshot(t)).toEqual(kept);
  });

  it("the roll-up counts a module done whether its quiz was passed before or after its last tick", async () => {
    await createUser("r1");
    const progress = () =>
      t.db.learnerProgress.findUnique({
        where: { userId: "r1" },
        select: { lessonsDone: true, modulesDone: true, modules: true },
      });
    for (const l of ["a", "b", "c"]) await markLessonDone(t.db, course, "r1", "m1", l);
    expect(await progress()).toEqual({ lessonsDone: 3, modulesDone: 0, modules: [] });
    // Started, then submitted with a pass: the update alone completes the module.
    const a = await t.db.attempt.create({
      data: { userId: "r1", quizId: "m1", questionIds: [] },
      select: { id: true },
    });
    await t.db.attempt.update({
      where: { id: a.id },
      data: { submittedAt: new Date(), percent: 100, passed: true },
      select: { id: true },
    });
    expect(await progress()).toEqual({ lessonsDone: 3, modulesDone: 1, modules: ["m1"] });
    // Passed first, ticked after; a module without a quiz needs only its lessons.
    await t.db.attempt.create({
      data: { userId: "r1", quizId: "m3", questionIds: [], submittedAt: new Date(), percent: 90, passed: true },
      select: { id: true },
    });
    for (const [m, l] of [
      ["m3", "f"],
      ["m3", "g"],
      ["m2", "d"],
      ["m2", "e"],
    ] as const)
      await markLessonDone(t.db, course, "r1", m, l);
    expect(await progress()).toEqual({ lessonsDone: 7, modulesDone: 3, modules: ["m1", "m2", "m3"] });
    await t.db.attempt.delete({ where: { id: a.id } });
    await t.db.lessonProgress.deleteMany({ where: { userId: "r1", moduleSlug: "m2", lessonSlug: "e" } });
    expect(await progress()).toEqual({ lessonsDone: 6, modulesDone: 1, modules: ["m3"] });
    expect((await progressSummaryDrift(t.db)).rollupRows).toBe(0);
  });

  it("a learner's rows go when all their ticks and attempts do", async () => {
    await markLessonDone(t.db, course, "s0", "m1", "a");
    await t.db.lessonProgress.deleteMany({ where: { userId: "s0" } });
    await t.db.attempt.deleteMany({ where: { userId: "s0" } });
    expect(await t.db.progressSummary.count({ where: { userId: "s0" } })).toBe(0);
    expect(await t.db.learnerActivity.count({ where: { userId: "s0" } })).toBe(0);
    expect(await t.db.learnerProgress.count({ where: { userId: "s0" } })).toBe(0);
  });
});
