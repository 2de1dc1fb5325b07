// The question analysis reads counts kept by triggers (docs/decisions/0028, "Amendment: kept
// question tallies"). Realistic writes go through the app's own functions (join by invite, start,
// autosave, page switches, submit, expiry scoring, a second attempt), plus what only fixtures,
// imports and account deletion do (an earlier attempt arriving with its answers in a later
// statement, a submitted time moved back, an attempt deleted, a membership removed or moved, a
// learner deleted, a question re-synced as a new version). After every step the kept tallies must
// equal the same from scratch (the views, both ways) AND getItemAnalysis must equal what the
// statement it replaced computes from every first attempt. Then concurrent submits in one cohort,
// on separate connections, must neither deadlock nor lose a count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { getItemAnalysis, itemAnalysisOf, type PairRow, type ResponseRow } from "@/lib/dashboard/item-analysis";
import { keepQuestionTallies, questionTallyDrift, rebuildQuestionTallies } from "@/lib/dashboard/question-tally";
import type { PrismaClient } from "@/lib/db/create-client";
import { joinCohort } from "@/lib/cohorts/cohorts";
import { eraseLearners } from "@/lib/organisations/erase";
import { expireOverdueAttempts, saveAnswer, startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import type { Question } from "@/lib/quiz/schema";
import { recordPageHidden } from "@/lib/quiz/visibility";
import { testOrganisationId } from "../support/organisations";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

const course: CourseShape = {
  modules: [
    { slug: "m1", number: 1, title: "一", lessons: ["a"], quizId: "m1", quizTitle: "测验一" },
    { slug: "m2", number: 2, title: "二", lessons: ["b"], quizId: "t1", quizTitle: "限时测验" },
  ],
  finalQuizId: "final",
};

const base = { explanation: "解析", lesson: "m1/a", tags: ["指标"] };
const QUESTIONS: Record<string, Question[]> = {
  m1: [
    {
      ...base,
      id: "s1",
      type: "single",
      prompt: "单选",
      choices: [
        { id: "a", text: "甲", correct: true },
        { id: "b", text: "乙", correct: false },
        { id: "c", text: "丙", correct: false },
      ],
    },
    {
      ...base,
      id: "mu",
      type: "multiple",
      prompt: "多选",
      choices: [
        { id: "a", text: "甲", correct: true },
        { id: "b", text: "乙", correct: true },
        { id: "c", text: "丙", correct: false },
      ],
    },
    { ...base, id: "tf", type: "truefalse", prompt: "判断", answer: true },
    { ...base, id: "nu", type: "numeric", prompt: "数值", answer: 12, tolerance: 0, unit: "" },
  ],
  t1: [
    { ...base, id: "t-a", type: "truefalse", prompt: "限时一", answer: false },
    { ...base, id: "t-b", type: "truefalse", prompt: "限时二", answer: true },
  ],
};

/** The statement getItemAnalysis ran before the tallies (ties pinned to the smaller id, as the tallies). */
async function analysisFromEveryFirstAttempt(db: PrismaClient, cohortId: string, quizId: string) {
  const [row] = await db.$queryRaw<{ pairs: PairRow[] | null; responses: ResponseRow[] | null }[]>`
    WITH firsts AS MATERIALIZED (
      SELECT DISTINCT ON (a."userId") a.id, a.correct AS score, a."questionIds", a."visibilityChanges" AS switches
      FROM "Attempt" a JOIN "CohortMember" cm ON cm."userId" = a."userId" AND cm."cohortId" = ${cohortId}
      WHERE a."quizId" = ${quizId} AND a."submittedAt" IS NOT NULL
      ORDER BY a."userId", a."submittedAt", a.id
    ),
    pairs AS (
      SELECT q.qid, count(*)::int AS n, sum(f.score)::float8 AS s, sum(f.score * f.score)::float8 AS ss,
             count(*) FILTER (WHERE f.switches > 0)::int AS sw, sum(f.switches)::int AS swn
      FROM firsts f CROSS JOIN LATERAL unnest(f."questionIds") AS q(qid)
      GROUP BY q.qid
    ),
    responses AS (
      SELECT ans."questionVersionId" AS qid, ans.response, ans.correct, count(*)::int AS n, sum(f.score)::float8 AS s
      FROM firsts f CROSS JOIN LATERAL (
        SELECT a."questionVersionId", a.response, a.correct FROM "Answer" a WHERE a."attemptId" = f.id OFFSET 0
      ) ans
      GROUP BY 1, 2, 3
    )
    SELECT (SELECT json_agg(pairs) FROM pairs) AS pairs, (SELECT json_agg(responses) FROM responses) AS responses`;
  return itemAnalysisOf(db, quizId, row?.pairs ?? [], row?.responses ?? []);
}

/** Option order within a row is the question's; only the set of rows' option counts may come in another order. */
function normalised(a: Awaited<ReturnType<typeof getItemAnalysis>>) {
  return {
    learners: a.learners,
    items: a.items.map((i) => ({
      ...i,
      facility: i.facility === null ? null : Number(i.facility.toFixed(9)),
      discrimination: i.discrimination === null ? null : Number(i.discrimination.toFixed(9)),
      options: [...i.options].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label)),
    })),
  };
}

describe.skipIf(noPostgres)("question tallies kept on write", () => {
  let t: PostgresTestDb;
  let db: PrismaClient;
  const cohorts: Record<string, { id: string; inviteCode: string }> = {};
  const v: Record<string, string> = {}; // question key -> current version id
  const users = Array.from({ length: 8 }, (_, i) => `L${i}`);
  const steps: string[] = [];

  async function expectTalliesRight(step: string) {
    steps.push(step);
    expect(await questionTallyDrift(db), step).toEqual({ firstRows: 0, pairRows: 0, answerRows: 0 });
    for (const c of Object.values(cohorts))
      for (const quiz of ["m1", "t1"]) {
        const kept = await getItemAnalysis(db, c.id, quiz);
        const scratch = await analysisFromEveryFirstAttempt(db, c.id, quiz);
        expect(normalised(kept), `${step}: ${quiz}`).toEqual(normalised(scratch));
      }
  }

  const answersFor = (quiz: string, pick: number) =>
    Object.fromEntries(
      QUESTIONS[quiz]!.map((q, i) => {
        const k = (pick + i) % 3;
        const r =
          q.type === "single"
            ? { type: "single", choice: ["a", "b", "c"][k] }
            : q.type === "multiple"
              ? { type: "multiple", choices: [["a", "b"], ["a"], ["b", "c"]][k] }
              : q.type === "truefalse"
                ? { type: "truefalse", value: k !== 1 }
                : { type: "numeric", value: [12, 11, 13][k] };
        return [v[q.id]!, r];
      }),
    );

  async function takeQuiz(
    user: string,
    quiz: string,
    pick: number,
    opts: { hide?: number; autosaveOnly?: boolean } = {},
  ) {
    const s = await startAttempt(db, course, user, quiz);
    if (!s.ok) throw new Error(s.message);
    const answers = answersFor(quiz, pick);
    // Autosave the first answer on the way, as the page does.
    const [firstQ, firstR] = Object.entries(answers)[0]!;
    const saved = await saveAnswer(db, user, s.attemptId, firstQ, firstR);
    if ("ok" in saved && !saved.ok) throw new Error(saved.message);
    for (let i = 0; i < (opts.hide ?? 0); i++)
      await recordPageHidden(db, user, s.attemptId, new Date(Date.now() + i * 10_000));
    if (opts.autosaveOnly) return s.attemptId;
    const r = await submitAttempt(db, course, user, s.attemptId, answers);
    if (!r.ok) throw new Error(r.message);
    return s.attemptId;
  }

  beforeAll(async () => {
    t = await createPostgresTestDb(12);
    db = t.db;
    await db.quiz.create({
      data: { id: "m1", title: "测验一", moduleSlug: "m1", passMark: 60, shuffle: false, revealAnswers: "always" },
    });
    await db.quiz.create({
      data: {
        id: "t1",
        title: "限时测验",
        moduleSlug: "m2",
        passMark: 60,
        shuffle: true,
        revealAnswers: "always",
        timeLimitMinutes: 1,
      },
    });
    for (const [quiz, qs] of Object.entries(QUESTIONS))
      for (const [i, q] of qs.entries())
        v[q.id] = (
          await db.questionVersion.create({
            data: {
              quizId: quiz,
              questionKey: q.id,
              version: 1,
              contentHash: q.id,
              position: i,
              active: true,
              data: q,
            },
            select: { id: true },
          })
        ).id;
    const trainer = await db.user.create({
      data: { email: "trainer@x.cn", name: "讲师", passwordHash: "x", role: "TRAINER" },
      select: { id: true },
    });
    const organisationId = await testOrganisationId(db);
    for (const name of ["C1", "C2"])
      cohorts[name] = await db.cohort.create({
        data: { name, inviteCode: `INVITE${name}`, trainerId: trainer.id, organisationId },
        select: { id: true, inviteCode: true },
      });
    await db.user.createMany({
      data: [...users, ...Array.from({ length: 24 }, (_, i) => `P${i}`)].map((id) => ({
        id,
        email: `${id.toLowerCase()}@x.cn`,
        name: id,
        passwordHash: "x",
      })),
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("follows submits, first attempts changing, memberships, new versions and deletions", async () => {
    for (const u of users.slice(0, 6)) {
      const joined = await joinCohort(db, u, cohorts.C1!.inviteCode);
      expect(joined.ok).toBe(true);
    }
    await joinCohort(db, "L6", cohorts.C2!.inviteCode);
    await expectTalliesRight("members joined, nothing submitted");

    // Started and autosaved, not submitted: counts nothing yet.
    const open = await takeQuiz("L0", "m1", 0, { autosaveOnly: true });
    await expectTalliesRight("an open attempt with an autosave");
    const r0 = await submitAttempt(db, course, "L0", open, answersFor("m1", 0));
    expect(r0.ok).toBe(true);
    for (const [i, u] of ["L1", "L2", "L3"].entries()) await takeQuiz(u, "m1", i + 1);
    await expectTalliesRight("four first attempts submitted");

    // A second attempt is not a first one: nothing moves.
    await takeQuiz("L0", "m1", 2);
    await expectTalliesRight("a second attempt");

    // Page switches during a first attempt.
    await takeQuiz("L4", "m1", 1, { hide: 2 });
    await expectTalliesRight("a first attempt with page switches");

    // The timed quiz: an attempt left open past its deadline is scored from its autosaves.
    const started = new Date(Date.now() - 10 * 60_000);
    const timed = await startAttempt(db, course, "L5", "t1", started);
    if (!timed.ok) throw new Error(timed.message);
    const timedQuestions = await db.attempt.findUniqueOrThrow({
      where: { id: timed.attemptId },
      select: { questionIds: true },
    });
    await saveAnswer(
      db,
      "L5",
      timed.attemptId,
      timedQuestions.questionIds[0]!,
      { type: "truefalse", value: false },
      started,
    );
    await expectTalliesRight("a timed attempt still open");
    const expired = await expireOverdueAttempts(db, course, new Date());
    expect(expired.scored).toBe(1);
    await takeQuiz("L4", "t1", 0);
    await expectTalliesRight("expiry scored one, another submitted");

    // An earlier attempt arrives (an import, a fixture): its answers come in a later statement.
    const firstOfL1 = await db.attempt.findFirstOrThrow({
      where: { userId: "L1", quizId: "m1" },
      select: { submittedAt: true },
    });
    const earlier = await db.attempt.create({
      data: {
        id: "earlier-L1",
        userId: "L1",
        quizId: "m1",
        questionIds: QUESTIONS.m1!.map((q) => v[q.id]!),
        startedAt: new Date(firstOfL1.submittedAt!.getTime() - 120_000),
        submittedAt: new Date(firstOfL1.submittedAt!.getTime() - 60_000),
        correct: 1,
        total: 4,
        percent: 25,
        passed: false,
      },
      select: { id: true },
    });
    await expectTalliesRight("an earlier attempt without its answers yet");
    await db.answer.createMany({
      data: [
        { attemptId: earlier.id, questionVersionId: v.s1!, response: { type: "single", choice: "c" }, correct: false },
        {
          attemptId: earlier.id,
          questionVersionId: v.tf!,
          response: { type: "truefalse", value: true },
          correct: true,
        },
      ],
    });
    await expectTalliesRight("its answers arrived");
    // L0's second attempt moved before the first.
    const secondOfL0 = await db.attempt.findFirstOrThrow({
      where: { userId: "L0", quizId: "m1" },
      orderBy: { submittedAt: "desc" },
      select: { id: true },
    });
    await db.attempt.update({ where: { id: secondOfL0.id }, data: { submittedAt: new Date(Date.now() - 86_400_000) } });
    await expectTalliesRight("a second attempt backdated before the first");
    // A submitted answer rewritten (a regrade by hand): the first attempt's contribution follows.
    const firstOfL2 = await db.attempt.findFirstOrThrow({
      where: { userId: "L2", quizId: "m1" },
      select: { id: true },
    });
    await db.answer.updateMany({
      where: { attemptId: firstOfL2.id, questionVersionId: v.tf! },
      data: { correct: false },
    });
    await expectTalliesRight("an answer of a first attempt regraded");

    // Memberships: join a second cohort, leave, move.
    await joinCohort(db, "L1", cohorts.C2!.inviteCode);
    await expectTalliesRight("L1 also in C2");
    await db.cohortMember.delete({ where: { cohortId_userId: { cohortId: cohorts.C1!.id, userId: "L2" } } });
    await expectTalliesRight("L2 left C1");
    await db.cohortMember.update({
      where: { cohortId_userId: { cohortId: cohorts.C1!.id, userId: "L3" } },
      data: { cohortId: cohorts.C2!.id },
    });
    await expectTalliesRight("L3 moved to C2");
    await db.cohortMember.createMany({
      data: ["L2", "L7"].map((userId) => ({ cohortId: cohorts.C2!.id, userId })),
    });
    await expectTalliesRight("two members added in one statement");

    // Content re-sync: s1 changes, so a new version is active and the old one stays for old attempts.
    const s1v2 = { ...(QUESTIONS.m1![0] as Question), prompt: "单选（修订）" };
    await db.questionVersion.update({ where: { id: v.s1! }, data: { active: false } });
    v.s1 = (
      await db.questionVersion.create({
        data: {
          quizId: "m1",
          questionKey: "s1",
          version: 2,
          contentHash: "s1v2",
          position: 0,
          active: true,
          data: s1v2,
        },
        select: { id: true },
      })
    ).id;
    await takeQuiz("L6", "m1", 0);
    await takeQuiz("L7", "m1", 1);
    await expectTalliesRight("first attempts on the new version");

    // An attempt deleted (a fixture, an account tool): the next one becomes the first.
    await db.attempt.delete({ where: { id: earlier.id } });
    await expectTalliesRight("L1's earliest attempt deleted");

    // Erasure (lib/organisations/erase.ts) keeps the account and its attempts: nothing moves.
    await db.$transaction((tx) => eraseLearners(tx, ["L4"], new Date()));
    await expectTalliesRight("L4 erased");
    // Deleting the account outright cascades to memberships and attempts.
    await db.user.delete({ where: { id: "L1" } });
    await expectTalliesRight("L1 deleted");

    // The repair from scratch gives the same rows, and the start-up check finds nothing to do.
    const before = await db.$queryRaw<
      unknown[]
    >`SELECT * FROM "QuestionAnswerTally" WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`;
    await rebuildQuestionTallies(db);
    expect(await db.$queryRaw<unknown[]>`SELECT * FROM "QuestionAnswerTally" ORDER BY 1, 2, 3, 4, 5`).toEqual(before);
    expect(await keepQuestionTallies(db)).toBe(false);
    await expectTalliesRight("rebuilt");
    // A kept row lost (a restore without triggers, say): the start-up check rebuilds.
    await db.$executeRaw`DELETE FROM "QuestionTallyFirst" WHERE "userId" = 'L0'`;
    expect(await keepQuestionTallies(db)).toBe(true);
    await expectTalliesRight("start-up check repaired a lost row");
    expect(steps.length).toBeGreaterThan(15);
  }, 240_000);

  it("concurrent submits in one cohort neither deadlock nor lose counts", async () => {
    const learners = Array.from({ length: 24 }, (_, i) => `P${i}`);
    await db.cohortMember.createMany({ data: learners.map((userId) => ({ cohortId: cohorts.C1!.id, userId })) });
    const opened: string[] = [];
    for (const u of learners) {
      const s = await startAttempt(db, course, u, "m1");
      if (!s.ok) throw new Error(s.message);
      opened.push(s.attemptId);
    }
    const before = await getItemAnalysis(db, cohorts.C1!.id, "m1");
    // Two at once first, then all the rest at once (the pool has 12 connections): different
    // answers, so they add to overlapping and different tally rows.
    const submit = (i: number) => submitAttempt(db, course, learners[i]!, opened[i]!, answersFor("m1", i));
    const pair = await Promise.all([submit(0), submit(1)]);
    expect(pair.every((r) => r.ok)).toBe(true);
    // A membership change racing the submits, on its own connection.
    const rest = await Promise.all([
      ...learners.slice(2).map((_, i) => submit(i + 2)),
      db.cohortMember.create({ data: { cohortId: cohorts.C2!.id, userId: "P5" } }),
    ]);
    expect(rest.every((r) => !("ok" in r) || r.ok)).toBe(true);
    const after = await getItemAnalysis(db, cohorts.C1!.id, "m1");
    expect(after.learners).toBe(before.learners + learners.length);
    await expectTalliesRight("24 concurrent submits and a membership");
  }, 240_000);
});
