// Surveys and the pre-test on PostgreSQL: one response per learner and run (even when the same
// learner submits several times at once), anonymous responses that carry no user id, results
// hidden until five anonymous responses, and the pre-test counted toward nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import { loadContent } from "@/lib/content/load";
import { getKnowledgeGain } from "@/lib/knowledge-gain/gain";
import { getPreTestForLearner, openPreTest, startPreTest, submitPreTest } from "@/lib/knowledge-gain/pre-test";
import { FINAL_QUIZ_ID, loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import type { Viewer } from "@/lib/organisations/scope";
import { getSurvey } from "@/lib/surveys/catalog";
import { getSurveyComparison } from "@/lib/surveys/compare";
import { getRunResponses, openSurveyRun, submitSurveyResponse } from "@/lib/surveys/runs";
import { computeResults } from "@/lib/surveys/results";
import { surveyItems, surveySchema } from "@/lib/surveys/schema";
import { surveyTallyDrift, tallyRunResults } from "@/lib/surveys/tally";
import { tallyRunsByBranch } from "@/lib/surveys/by-branch";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";

const SECRET = "integration-test-secret-of-32-characters!";
const HOUR = 3_600_000;

describe.skipIf(noPostgres)("surveys and the pre-test (PostgreSQL)", () => {
  let t: PostgresTestDb;
  let trainer: Viewer;
  let clientAdmin: Viewer;
  let cohortId: string;
  let learners: string[];
  let outsider: string;

  const account = async (email: string, role: Viewer["role"] = "LEARNER", organisationId: string | null = null) => {
    const r = await createAccount(t.db, { name: email.split("@")[0]!, email, password: "long enough secret" });
    if (!r.ok) throw new Error("setup");
    await t.db.user.update({ where: { id: r.value.id }, data: { role, organisationId }, select: { id: true } });
    return r.value.id;
  };
  const open = (anonymous: boolean, surveyId = "post-training") =>
    openSurveyRun(t.db, trainer, {
      cohortId,
      surveyId,
      anonymous,
      opensAt: new Date(Date.now() - HOUR),
      closesAt: new Date(Date.now() + HOUR),
    });
  const fullPostAnswers = () =>
    Object.fromEntries(
      surveyItems(getSurvey("post-training")!).map((i) => [
        i.id,
        i.type === "nps" ? "9" : i.type === "likert" ? "4" : "",
      ]),
    );

  beforeAll(async () => {
    t = await createPostgresTestDb();
    const org = await testOrganisationId(t.db);
    const otherOrg = await testOrganisationId(t.db, "OTHER");
    trainer = { id: await account("trainer@s.cn", "TRAINER"), role: "TRAINER", organisationId: null };
    await assignTestTrainer(t.db, org, trainer.id);
    clientAdmin = { id: await account("client@s.cn", "CLIENT_ADMIN", org), role: "CLIENT_ADMIN", organisationId: org };
    await account("other-client@s.cn", "CLIENT_ADMIN", otherOrg);
    const cohort = await t.db.cohort.create({
      data: { name: "满意度测试班", inviteCode: "SURVEY01", trainerId: trainer.id, organisationId: org },
      select: { id: true },
    });
    cohortId = cohort.id;
    learners = [];
    for (let i = 0; i < 7; i++) learners.push(await account(`l${i}@s.cn`));
    await t.db.cohortMember.createMany({ data: learners.map((userId) => ({ cohortId, userId })) });
    outsider = await account("outsider@s.cn");
  });
  afterAll(() => t?.close());

  it("lets the cohort's trainer open a survey, not its client admin", async () => {
    expect(await open(true)).toMatchObject({ ok: true });
    expect(
      await openSurveyRun(t.db, clientAdmin, {
        cohortId,
        surveyId: "post-training",
        anonymous: true,
        opensAt: new Date(),
        closesAt: new Date(Date.now() + HOUR),
      }),
    ).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("records a double submit once, even when the submits arrive together", async () => {
    const run = await open(true);
    if (!run.ok) throw new Error("open");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => submitSurveyResponse(t.db, SECRET, learners[0]!, run.runId, fullPostAnswers())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(
      Array(5).fill("ALREADY_ANSWERED"),
    );
    expect(await t.db.surveyResponse.count({ where: { runId: run.runId } })).toBe(1);
  });

  it("stores anonymous responses without a user id, and nothing that names the learner but the 分行", async () => {
    await t.db.user.update({ where: { id: learners[1]! }, data: { branch: "城东支行" }, select: { id: true } });
    const run = await open(true);
    if (!run.ok) throw new Error("open");
    expect(
      await submitSurveyResponse(t.db, SECRET, learners[1]!, run.runId, {
        ...fullPostAnswers(),
        suggestions: "多些案例",
      }),
    ).toEqual({ ok: true });
    const rows = await t.db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM "SurveyResponse" WHERE "runId" = ${run.runId}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBeNull();
    // The 分行 as it was when they answered: the report's breakdown (a 分行 under five is not shown).
    expect(rows[0]!.branch).toBe("城东支行");
    expect(JSON.stringify(rows[0])).not.toContain(learners[1]!);
    const [shown] = await getRunResponses(t.db, { id: run.runId, anonymous: true });
    expect(shown).toMatchObject({ by: null, submittedAt: null });
  });

  it("refuses bad answers (changing nothing), outsiders and closed runs", async () => {
    const run = await open(true);
    if (!run.ok) throw new Error("open");
    const bad = await submitSurveyResponse(t.db, SECRET, learners[2]!, run.runId, { ...fullPostAnswers(), nps: "11" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect(await submitSurveyResponse(t.db, SECRET, outsider, run.runId, fullPostAnswers())).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await submitSurveyResponse(
        t.db,
        SECRET,
        learners[2]!,
        run.runId,
        fullPostAnswers(),
        new Date(Date.now() + 2 * HOUR),
      ),
    ).toEqual({ ok: false, code: "CLOSED" });
    expect(await t.db.surveyResponse.count({ where: { runId: run.runId } })).toBe(0);
  });

  it("hides an anonymous run's results under 5 responses, for the trainer and the client admin", async () => {
    const run = await open(true);
    if (!run.ok) throw new Error("open");
    const row = async (viewer: Viewer) =>
      (await getSurveyComparison(t.db, viewer, getSurvey("post-training")!)).find((r) => r.runId === run.runId);
    for (const learner of learners.slice(0, 4))
      expect(await submitSurveyResponse(t.db, SECRET, learner, run.runId, fullPostAnswers())).toEqual({ ok: true });
    expect(await row(trainer)).toMatchObject({
      responses: 4,
      visible: false,
      nps: null,
      sections: [null, null, null, null],
    });
    await submitSurveyResponse(t.db, SECRET, learners[4]!, run.runId, fullPostAnswers());
    expect(await row(trainer)).toMatchObject({
      responses: 5,
      visible: true,
      nps: { score: 100 },
      sections: [4, 4, 4, 4],
    });
    expect(await row(clientAdmin)).toMatchObject({ responses: 5, visible: true });
  });

  it("keeps the learner's id in named mode, so the trainer sees names", async () => {
    const run = await open(false, "pre-training");
    if (!run.ok) throw new Error("open");
    const answers = Object.fromEntries(
      surveyItems(getSurvey("pre-training")!).map((i) => [
        i.id,
        i.type === "choice" ? i.options[0]! : i.type === "likert" ? "2" : i.required ? "提高激活率" : "",
      ]),
    );
    expect(await submitSurveyResponse(t.db, SECRET, learners[5]!, run.runId, answers)).toEqual({ ok: true });
    const [shown] = await getRunResponses(t.db, { id: run.runId, anonymous: false });
    expect(shown!.by).toBe("l5");
  });

  it("counts results in the database exactly as computeResults does on the loaded responses", async () => {
    // Stored answers the forms would never write too: out of range, fractions, numbers as text,
    // unknown options, blank and full-width-blank verbatims, keys of no item.
    const survey = surveySchema.parse({
      id: "tally-check",
      kind: "post",
      title: "核对",
      intro: "核对",
      sections: [
        {
          title: "甲",
          items: [
            { id: "a", type: "likert", prompt: "甲一" },
            { id: "b", type: "likert", prompt: "甲二" },
          ],
        },
        { title: "乙", items: [{ id: "c", type: "choice", prompt: "乙一", options: ["是", "否"] }] },
        {
          title: "丙",
          items: [
            { id: "n", type: "nps", prompt: "丙一" },
            { id: "t", type: "text", prompt: "丙二" },
          ],
        },
      ],
    });
    const answers = [
      { a: 5, b: 3, c: "是", n: 10, t: "很好" },
      { a: 4, b: 0, c: "否", n: 6, t: "  " },
      { a: 4.5, b: 6, c: "也许", n: 11, t: "\u3000" },
      { a: "4", b: 2, c: "是", n: 9, t: "案例多一些" },
      { a: 1, n: 0, t: 7, x: 3 },
      { a: 3, b: 5, c: "是", n: 8, t: " 讲得清楚 " },
      {},
    ];
    for (const anonymous of [true, false]) {
      const run = await t.db.surveyRun.create({
        data: {
          cohortId,
          surveyId: survey.id,
          anonymous,
          opensAt: new Date(Date.now() - HOUR),
          closesAt: new Date(Date.now() + HOUR),
          openedById: trainer.id,
        },
        select: { id: true, anonymous: true },
      });
      await t.db.surveyResponse.createMany({
        data: answers.map((a, i) => ({
          runId: run.id,
          token: `tok-${(i * 5) % 7}`,
          userId: anonymous ? null : learners[i]!,
          answers: a,
          submittedAt: new Date(Date.now() - (10 - i) * 60_000),
        })),
      });
      if (!anonymous) await t.db.user.update({ where: { id: learners[1]! }, data: { branch: "城东支行" } });
      const expected = computeResults(survey, await getRunResponses(t.db, run));
      const { verbatimTotals, ...all } = (await tallyRunResults(t.db, survey, [run], null)).get(run.id)!;
      expect(all).toEqual(expected);
      expect(verbatimTotals).toEqual({ t: 3 });
      const firstTwo = (await tallyRunResults(t.db, survey, [run], 2)).get(run.id)!;
      const text = (r: typeof expected) => r.sections[2]!.items[1]!;
      const expectedText = text(expected);
      if (expectedText.type !== "text") throw new Error("shape");
      expect(text(firstTwo)).toEqual({ ...expectedText, verbatims: expectedText.verbatims.slice(0, 2) });
      expect(firstTwo.verbatimTotals).toEqual({ t: 3 });
      const none = (await tallyRunResults(t.db, survey, [run], 0)).get(run.id)!;
      expect({ ...none, sections: none.sections.slice(0, 2) }).toMatchObject({
        responses: 7,
        nps: expected.nps,
        sections: expected.sections.slice(0, 2),
      });
    }

    // Per 分行 (the report's breakdown): each 分行's counts are computeResults' on its responses.
    const branches = ["华东", "华东", "华南", null, "华东", "华南", ""];
    const run = await t.db.surveyRun.create({
      data: {
        cohortId,
        surveyId: survey.id,
        anonymous: true,
        opensAt: new Date(Date.now() - HOUR),
        closesAt: new Date(Date.now() + HOUR),
        openedById: trainer.id,
      },
      select: { id: true },
    });
    await t.db.surveyResponse.createMany({
      data: answers.map((a, i) => ({ runId: run.id, token: `b-${i}`, branch: branches[i], answers: a })),
    });
    const byBranch = await tallyRunsByBranch(t.db, survey, [run.id]);
    expect(byBranch.map((b) => [b.branch, b.responses]).sort()).toEqual([
      ["", 2],
      ["华东", 3],
      ["华南", 2],
    ]);
    for (const b of byBranch) {
      const mine = answers.filter((_, i) => (branches[i] ?? "") === b.branch);
      const expected = computeResults(
        survey,
        mine.map((a) => ({ answers: a as never, by: null })),
      );
      const likert = (section: number) =>
        expected.sections[section]!.items.flatMap((item) => (item.type === "likert" ? [item.scale] : []));
      expect(
        b.sections.map((x) => [x.title, x.sum, x.n]),
        b.branch,
      ).toEqual(
        expected.sections.map((x, i) => [
          x.title,
          likert(i).reduce((sum, scale) => sum + scale.counts.reduce((a, c, k) => a + c * k, 0), 0),
          likert(i).reduce((n, scale) => n + scale.n, 0),
        ]),
      );
      expect(b.nps, b.branch).toEqual(expected.nps);
    }
  });

  it("keeps the survey tallies equal to a count from scratch through concurrent submits, edits and deletes", async () => {
    const runs = [await open(true), await open(false), await open(true, "pre-training")];
    const answersFor = (surveyId: string, i: number) =>
      Object.fromEntries(
        surveyItems(getSurvey(surveyId)!).map((item) => [
          item.id,
          item.type === "choice"
            ? item.options[i % item.options.length]!
            : item.type === "likert"
              ? String(1 + (i % 5))
              : item.type === "nps"
                ? String(i % 11)
                : `第 ${i} 条意见`,
        ]),
      );
    const submitted = await Promise.all(
      runs.flatMap((run, r) => {
        if (!run.ok) throw new Error("open");
        const surveyId = r === 2 ? "pre-training" : "post-training";
        return learners.map((learner, i) =>
          submitSurveyResponse(t.db, SECRET, learner, run.runId, answersFor(surveyId, i + r)),
        );
      }),
    );
    expect(submitted.filter((s) => !s.ok)).toEqual([]);
    expect(await t.db.surveyTally.count()).toBeGreaterThan(0);
    expect(await surveyTallyDrift(t.db)).toEqual([]);
    const [first] = await t.db.surveyResponse.findMany({ orderBy: { id: "asc" }, take: 1, select: { id: true } });
    await t.db.surveyResponse.update({ where: { id: first!.id }, data: { answers: { "content-relevance": 2 } } });
    await t.db.user.delete({ where: { id: learners[6]! } }); // erasure: named responses go with the learner
    learners.pop();
    await t.db.surveyRun.delete({ where: { id: (runs[0] as { runId: string }).runId } });
    await t.db
      .$executeRaw`DELETE FROM "SurveyResponse" WHERE id IN (SELECT id FROM "SurveyResponse" ORDER BY token LIMIT 2)`;
    expect(await surveyTallyDrift(t.db)).toEqual([]);
    expect(await t.db.surveyTally.count({ where: { runId: (runs[0] as { runId: string }).runId } })).toBe(0);
  });

  it("draws the pre-test from the final's pool, takes it once, counts it toward nothing, and gains only for both", async () => {
    await syncQuizzes(
      t.db,
      loadQuizzes(loadContent()).filter((q) => q.id === FINAL_QUIZ_ID),
    );
    const opened = await openPreTest(t.db, trainer, {
      cohortId,
      questionCount: 10,
      opensAt: new Date(Date.now() - HOUR),
      closesAt: new Date(Date.now() + HOUR),
    });
    if (!opened.ok) throw new Error("open");
    expect(
      await openPreTest(t.db, clientAdmin, { cohortId, questionCount: 10, opensAt: new Date(), closesAt: new Date() }),
    ).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    const started = await startPreTest(t.db, learners[0]!, opened.preTestId);
    if (!started.ok) throw new Error("start");
    expect(await startPreTest(t.db, learners[0]!, opened.preTestId)).toEqual(started);
    expect(await startPreTest(t.db, outsider, opened.preTestId)).toEqual({ ok: false, code: "NOT_FOUND" });
    const view = await getPreTestForLearner(t.db, learners[0]!, opened.preTestId);
    if (!view.ok) throw new Error("view");
    expect(view.questions).toHaveLength(10);
    const modules = new Set(view.questions.map((q) => q.question.tags[0]));
    expect(modules.size).toBe(9);

    const form = new FormData();
    const first = view.questions.find((q) => q.question.type === "single")!;
    if (first.question.type !== "single") throw new Error("type");
    form.set(`q-${first.id}`, first.question.choices.find((c) => c.correct)!.id);
    const submits = await Promise.all([1, 2, 3].map(() => submitPreTest(t.db, learners[0]!, opened.preTestId, form)));
    expect(submits.filter((s) => s.ok)).toEqual([{ ok: true, correct: 1, total: 10 }]);
    expect(await t.db.attempt.count()).toBe(0);
    expect(await t.db.certificate.count()).toBe(0);

    // A final attempt for learner 0 (took both) and learner 1 (final only): only learner 0 counts.
    for (const userId of [learners[0]!, learners[1]!]) {
      const a = await t.db.attempt.create({
        data: {
          userId,
          quizId: FINAL_QUIZ_ID,
          questionIds: [first.id],
          submittedAt: new Date(),
          correct: 1,
          total: 1,
          percent: 100,
          passed: true,
        },
        select: { id: true },
      });
      await t.db.answer.create({
        data: { attemptId: a.id, questionVersionId: first.id, response: {}, correct: true },
        select: { attemptId: true },
      });
    }
    const gain = await getKnowledgeGain(t.db, cohortId);
    expect(gain).toMatchObject({ preTakers: 1, postTakers: 2, both: 1 });
    expect(gain.overall.pre).toEqual({ correct: 1, total: 10, percent: 10 });
    expect(gain.overall.post).toEqual({ correct: 1, total: 1, percent: 100 });

    // A retake answered wrong changes nothing: "post" is the first submitted final.
    const retake = await t.db.attempt.create({
      data: {
        userId: learners[0]!,
        quizId: FINAL_QUIZ_ID,
        questionIds: [first.id],
        startedAt: new Date(Date.now() + 60_000),
        submittedAt: new Date(Date.now() + 120_000),
        correct: 0,
        total: 1,
        percent: 0,
        passed: false,
      },
      select: { id: true },
    });
    await t.db.answer.create({
      data: { attemptId: retake.id, questionVersionId: first.id, response: {}, correct: false },
      select: { attemptId: true },
    });
    expect(await getKnowledgeGain(t.db, cohortId)).toEqual(gain);
  });
});
