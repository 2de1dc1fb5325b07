// The trainer dashboard's numbers on a fixture small enough to compute by hand (the working is
// in the comments). Runs the real SQL on a migrated PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { getLearnerDetail } from "@/lib/dashboard/learner-detail";
import { getCohortOverviews, getCompletionTimeline } from "@/lib/dashboard/overview";
import { keepProgressRollupFor } from "@/lib/dashboard/learner-progress";
import { cohortMembersSql, memberSummaryCte } from "@/lib/dashboard/member-summary";
import { inactiveCutoff } from "@/lib/dashboard/overview";
import { DEFAULT_QUERY, SORTS, STATUS_FILTERS, type MatrixQuery } from "@/lib/dashboard/params";
import { getProgressMatrix, getProgressMatrixAll } from "@/lib/dashboard/progress-matrix";
import { getTopicMastery } from "@/lib/dashboard/topic-mastery";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Question } from "@/lib/quiz/schema";
import type { Response } from "@/lib/quiz/score";
import { backfillNameSortKeys } from "@/lib/sorting/backfill-name-keys";
import { testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

const shape: CourseShape = {
  modules: [
    { slug: "m1", number: 1, title: "模块一", lessons: ["a", "b"], quizId: "qz", quizTitle: "模块一测验" },
    { slug: "m2", number: 2, title: "模块二", lessons: ["c"], quizId: null, quizTitle: null },
  ],
  finalQuizId: "fin",
};

const base = { explanation: "因为……", lesson: "m1/a" };
const q1: Question = {
  ...base,
  id: "q1",
  type: "single",
  prompt: "题一",
  tags: ["指标"],
  choices: [
    { id: "a", text: "对", correct: true },
    { id: "b", text: "错", correct: false },
  ],
};
const q2: Question = {
  ...base,
  id: "q2",
  type: "single",
  prompt: "题二",
  tags: ["银商合作"],
  choices: [
    { id: "a", text: "甲", correct: true },
    { id: "b", text: "乙", correct: false },
    { id: "c", text: "丙", correct: false },
  ],
};
const q3: Question = { ...base, id: "q3", type: "truefalse", prompt: "题三", tags: ["指标", "客群经营"], answer: true };
const f1: Question = { ...base, id: "f1", type: "truefalse", prompt: "结业题", tags: ["客群经营"], answer: false };

const NOW = new Date("2026-06-20T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe("trainer dashboard aggregates (hand-computed fixture)", () => {
  let t: TestDb;
  const ids: Record<string, string> = {};
  let c1 = "";
  let c2 = "";

  beforeAll(async () => {
    t = await createTestDb();
    const db = t.db;
    await db.quiz.create({
      data: { id: "qz", title: "模块一测验", moduleSlug: "m1", passMark: 80, shuffle: false, revealAnswers: "always" },
    });
    await db.quiz.create({
      data: { id: "fin", title: "结业测评", passMark: 80, shuffle: false, revealAnswers: "after-pass" },
    });
    for (const [i, q] of [q1, q2, q3].entries()) {
      const v = await db.questionVersion.create({
        data: { quizId: "qz", questionKey: q.id, version: 1, contentHash: q.id, position: i, active: true, data: q },
      });
      ids[q.id] = v.id;
    }
    ids.f1 = (
      await db.questionVersion.create({
        data: { quizId: "fin", questionKey: "f1", version: 1, contentHash: "f1", position: 0, active: true, data: f1 },
      })
    ).id;
    const trainer = await db.user.create({
      data: { email: "t@x.cn", name: "培训师", passwordHash: "x", role: "TRAINER" },
    });
    for (const name of ["L1", "L2", "L3", "L4", "L5"]) {
      ids[name] = (await db.user.create({ data: { email: `${name.toLowerCase()}@x.cn`, name, passwordHash: "x" } })).id;
    }
    const org = await testOrganisationId(db);
    c1 = (
      await db.cohort.create({
        data: { name: "一班", inviteCode: "AAAA1111", trainerId: trainer.id, organisationId: org },
      })
    ).id;
    c2 = (
      await db.cohort.create({
        data: { name: "二班", inviteCode: "BBBB2222", trainerId: trainer.id, organisationId: org },
      })
    ).id;
    for (const n of ["L1", "L2", "L3"])
      await db.cohortMember.create({ data: { cohortId: c1, userId: ids[n]!, joinedAt: daysAgo(20) } });
    await db.cohortMember.create({ data: { cohortId: c1, userId: ids.L4!, joinedAt: daysAgo(10) } });
    await db.cohortMember.create({ data: { cohortId: c2, userId: ids.L5!, joinedAt: daysAgo(1) } });

    const lesson = (user: string, m: string, l: string, d: number) =>
      db.lessonProgress.create({ data: { userId: ids[user]!, moduleSlug: m, lessonSlug: l, completedAt: daysAgo(d) } });
    await lesson("L1", "m1", "a", 6);
    await lesson("L1", "m1", "b", 6);
    await lesson("L1", "m2", "c", 5);
    await lesson("L1", "m1", "retired-lesson", 5); // no longer in the course: not counted
    await lesson("L2", "m1", "a", 2);

    const attempt = async (user: string, quiz: string, d: number, answers: [string, Response | null, boolean][]) => {
      const correct = answers.filter((a) => a[2]).length;
      const percent = (correct / answers.length) * 100;
      await db.attempt.create({
        data: {
          userId: ids[user]!,
          quizId: quiz,
          questionIds: answers.map((a) => ids[a[0]]!),
          startedAt: daysAgo(d),
          submittedAt: daysAgo(d),
          correct,
          total: answers.length,
          percent,
          passed: percent >= 80,
          answers: {
            create: answers
              .filter((a) => a[1] !== null)
              .map(([q, response, ok]) => ({ questionVersionId: ids[q]!, response: response!, correct: ok })),
          },
        },
      });
    };
    const single = (choice: string): Response => ({ type: "single", choice });
    const tf = (value: boolean): Response => ({ type: "truefalse", value });
    // First attempts. Scores: L1 3, L2 2, L3 0.
    await attempt("L1", "qz", 5, [
      ["q1", single("a"), true],
      ["q2", single("a"), true],
      ["q3", tf(true), true],
    ]);
    await attempt("L2", "qz", 2, [
      ["q1", single("a"), true],
      ["q2", single("c"), false],
      ["q3", tf(true), true],
    ]);
    await attempt("L3", "qz", 3, [
      ["q1", single("b"), false],
      ["q2", single("b"), false],
      ["q3", null, false],
    ]);
    // L3's retake (not in the item analysis, but it is L3's latest for topic mastery): 2 of 3, fails.
    await attempt("L3", "qz", 1, [
      ["q1", single("a"), true],
      ["q2", single("a"), true],
      ["q3", tf(false), false],
    ]);
    await attempt("L1", "fin", 4, [["f1", tf(false), true]]);
    // L5 is in the other cohort: must never show up in cohort 1's figures.
    await attempt("L5", "qz", 1, [
      ["q1", single("b"), false],
      ["q2", single("b"), false],
      ["q3", tf(false), false],
    ]);
    await db.certificate.create({ data: { id: "cert-l1", userId: ids.L1!, name: "L1", issuedAt: daysAgo(4) } });
  });
  afterAll(() => t?.close());

  it("overview: enrolled, started and completed shares, average final, inactive learners", async () => {
    const o = (await getCohortOverviews(t.db, shape, [c1, c2], NOW)).get(c1)!;
    // L1–L3 started, L4 never did; only L1 completed; only L1 took the final (100%);
    // L4 joined 10 days ago and did nothing: inactive. L3 was active 1 day ago.
    expect(o).toMatchObject({
      enrolled: 4,
      started: 3,
      completed: 1,
      inactive: 1,
      startedShare: 0.75,
      completedShare: 0.25,
      averageFinal: 100,
      finalTakers: 1,
    });
    expect((await getCohortOverviews(t.db, shape, [c1, c2], NOW)).get(c2)).toMatchObject({
      enrolled: 1,
      started: 1,
      completed: 0,
      inactive: 0,
    });
  });

  it("item analysis: facility, discrimination and distractor counts from first attempts only", async () => {
    const { learners, items } = await getItemAnalysis(t.db, c1, "qz");
    expect(learners).toBe(3);
    const byKey = Object.fromEntries(items.map((i) => [i.questionKey, i]));
    // q1: right = [1,1,0], rest scores = [2,1,0] → facility 2/3, r = 1/√(4/3) = √3/2.
    expect(byKey.q1).toMatchObject({ responses: 3, answered: 3, correct: 2 });
    expect(byKey.q1!.facility).toBeCloseTo(2 / 3, 10);
    expect(byKey.q1!.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(byKey.q1!.options.map((o) => o.count)).toEqual([2, 1]);
    // q2: right = [1,0,0], rest = [2,2,0] → facility 1/3, r = (2/3)/(4/3) = 0.5; a, b, c picked once each.
    expect(byKey.q2!.facility).toBeCloseTo(1 / 3, 10);
    expect(byKey.q2!.discrimination).toBeCloseTo(0.5, 10);
    expect(byKey.q2!.options.map((o) => [o.label, o.count, o.correct])).toEqual([
      ["A. 甲", 1, true],
      ["B. 乙", 1, false],
      ["C. 丙", 1, false],
    ]);
    // q3: L3 left it blank: answered 2 of 3, counted wrong; same pattern as q1.
    expect(byKey.q3).toMatchObject({ responses: 3, answered: 2, correct: 2 });
    expect(byKey.q3!.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(byKey.q3!.options).toEqual([
      { label: "正确", count: 2, correct: true },
      { label: "错误", count: 0, correct: false },
    ]);
    // Three responses are too few to judge a question: no flags.
    expect(items.every((i) => i.flags.length === 0)).toBe(true);
  });

  it("item analysis: page switches per question from the first attempts, in the same two statements", async () => {
    const first = (name: string) =>
      t.db.attempt.findFirstOrThrow({
        where: { userId: ids[name]!, quizId: "qz" },
        orderBy: { submittedAt: "asc" },
        select: { id: true },
      });
    const switched = async (id: string, n: number) =>
      t.db.attempt.update({ where: { id }, data: { visibilityChanges: n }, select: { id: true } });
    await switched((await first("L2")).id, 3);
    await switched((await first("L3")).id, 1);
    // L3's retake and L5 (the other cohort) switch too: neither is a first attempt of cohort 1.
    const retake = await t.db.attempt.findFirstOrThrow({
      where: { userId: ids.L3!, quizId: "qz" },
      orderBy: { submittedAt: "desc" },
      select: { id: true },
    });
    await switched(retake.id, 7);
    await switched((await first("L5")).id, 9);
    // Every statement the analysis sends, raw or not.
    let statements = 0;
    const counted = t.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          statements++;
          return query(args);
        },
      },
    }) as unknown as typeof t.db;
    const { items } = await getItemAnalysis(counted, c1, "qz");
    // Each of q1–q3 was met by L1 (0 switches), L2 (3) and L3 (1): 2 learners, 4 switches.
    expect(items.map((i) => [i.questionKey, i.switchers, i.switches])).toEqual([
      ["q1", 2, 4],
      ["q2", 2, 4],
      ["q3", 2, 4],
    ]);
    const forThree = statements;
    statements = 0;
    const final = await getItemAnalysis(counted, c1, "fin");
    expect(final.items.map((i) => [i.switchers, i.switches])).toEqual([[0, 0]]);
    // Three questions or one: the same statements, none per question.
    expect(forThree).toBe(2);
    expect(statements).toBe(forThree);
    for (const name of ["L2", "L3", "L5"]) await switched((await first(name)).id, 0);
    await switched(retake.id, 0);
  });

  it("progress matrix: cells, status filter, search, sort and paging", async () => {
    const all = await getProgressMatrix(t.db, shape, c1, DEFAULT_QUERY, NOW);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.name)).toEqual(["L1", "L2", "L3", "L4"]);
    const [l1, l2, l3, l4] = all.rows;
    expect(l1).toMatchObject({ status: "completed", lessonsDone: 3, modulesDone: 2, finalBest: 100, inactive: false });
    expect(l1!.cells.map((c) => c.status)).toEqual(["done", "done"]);
    expect(l2!.cells[0]).toMatchObject({
      status: "in_progress",
      lessonsDone: 1,
      lessonsTotal: 2,
      attempts: 1,
      passed: false,
    });
    expect(l2!.cells[0]!.best).toBeCloseTo(200 / 3, 6);
    expect(l3!.cells[0]).toMatchObject({ status: "in_progress", lessonsDone: 0, attempts: 2, passed: false });
    expect(l4).toMatchObject({ status: "not_started", inactive: true, lastActive: null });
    expect(l4!.cells.map((c) => c.status)).toEqual(["not_started", "not_started"]);

    const inactive = await getProgressMatrix(t.db, shape, c1, { ...DEFAULT_QUERY, status: "inactive" }, NOW);
    expect(inactive.rows.map((r) => r.name)).toEqual(["L4"]);
    const inProgress = await getProgressMatrix(t.db, shape, c1, { ...DEFAULT_QUERY, status: "in_progress" }, NOW);
    expect(inProgress.rows.map((r) => r.name)).toEqual(["L2", "L3"]);
    const search = await getProgressMatrix(t.db, shape, c1, { ...DEFAULT_QUERY, q: "l3@" }, NOW);
    expect(search.rows.map((r) => r.name)).toEqual(["L3"]);
    // A LIKE wildcard typed into the search is literal text, not "match anything".
    expect((await getProgressMatrix(t.db, shape, c1, { ...DEFAULT_QUERY, q: "%" }, NOW)).total).toBe(0);
    const byProgress = await getProgressMatrix(
      t.db,
      shape,
      c1,
      { ...DEFAULT_QUERY, sort: "progress", dir: "desc" },
      NOW,
    );
    expect(byProgress.rows.map((r) => r.name)).toEqual(["L1", "L2", "L3", "L4"]);
    const byLast = await getProgressMatrix(
      t.db,
      shape,
      c1,
      { ...DEFAULT_QUERY, sort: "last_active", dir: "desc" },
      NOW,
    );
    expect(byLast.rows.map((r) => r.name)).toEqual(["L3", "L2", "L1", "L4"]);
    // Past the last page: the last page, not an empty one.
    const far = await getProgressMatrix(t.db, shape, c1, { ...DEFAULT_QUERY, page: 9 }, NOW);
    expect(far).toMatchObject({ page: 1, pages: 1, total: 4 });
    expect((await getProgressMatrixAll(t.db, shape, c1, DEFAULT_QUERY, NOW)).length).toBe(4);
  });

  it("topic mastery: latest attempt per quiz, cohorts side by side", async () => {
    const rows = await getTopicMastery(t.db, [c1, c2]);
    const get = (tag: string, c: string) => rows.find((r) => r.tag === tag)?.cohorts[c];
    // 指标: q1 (L1 ✓, L2 ✓, L3 retake ✓) + q3 (L1 ✓, L2 ✓, L3 ✗) = 5 of 6.
    expect(get("指标", c1)).toMatchObject({ correct: 5, total: 6 });
    // 银商合作: q2 (L1 ✓, L2 ✗, L3 retake ✓) = 2 of 3.
    expect(get("银商合作", c1)).toMatchObject({ correct: 2, total: 3 });
    // 客群经营: q3 (2 of 3) + final f1 (L1 ✓) = 3 of 4.
    expect(get("客群经营", c1)).toMatchObject({ correct: 3, total: 4 });
    // Cohort 2: L5 got everything wrong.
    expect(get("指标", c2)).toMatchObject({ correct: 0, total: 2 });
    expect(get("客群经营", c2)).toMatchObject({ correct: 0, total: 1 });
  });

  it("timeline: completions and first module-quiz passes per day, cumulative completions", async () => {
    const points = await getCompletionTimeline(t.db, shape, c1);
    // L1 passed qz 5 days ago and completed 4 days ago; nobody else passed.
    expect(points).toEqual([
      { day: "2026-06-15", completions: 0, modulePasses: 1, cumulativeCompletions: 0 },
      { day: "2026-06-16", completions: 1, modulePasses: 0, cumulativeCompletions: 1 },
    ]);
  });

  it("learner drill-down: only members of the cohort; attempts with their answers", async () => {
    expect(await getLearnerDetail(t.db, shape, c1, ids.L5!)).toBeNull();
    const d = await getLearnerDetail(t.db, shape, c1, ids.L3!);
    expect(d!.attempts.map((a) => [a.number, a.correct])).toEqual([
      [2, 2],
      [1, 0],
    ]);
    expect(d!.attempts[1]!.questions.map((q) => [q.response, q.correct])).toEqual([
      ["错", false],
      ["乙", false],
      ["未作答", null],
    ]);
    expect(d!.lastActive).toEqual(daysAgo(1));
  });

  it("names sort by pinyin in the matrix, both paths (paged members first, or filtered summary)", async () => {
    const trainerId = (await t.db.cohort.findUniqueOrThrow({ where: { id: c1 }, select: { trainerId: true } }))
      .trainerId;
    const c3 = (
      await t.db.cohort.create({
        data: { name: "三班", inviteCode: "CCCC3333", trainerId, organisationId: await testOrganisationId(t.db) },
      })
    ).id;
    // Written without keys, as a bulk load would; the start-up backfill fills them in.
    for (const name of ["张伟", "阿强", "周杰", "李娜", "吴磊"]) {
      const u = await t.db.user.create({ data: { email: `${name}@pinyin.cn`, name, passwordHash: "x" } });
      await t.db.cohortMember.create({ data: { cohortId: c3, userId: u.id } });
    }
    expect(await backfillNameSortKeys(t.db)).toBeGreaterThanOrEqual(5);
    expect(await backfillNameSortKeys(t.db)).toBe(0);
    const names = async (q: Partial<typeof DEFAULT_QUERY>) =>
      (await getProgressMatrix(t.db, shape, c3, { ...DEFAULT_QUERY, ...q }, NOW)).rows.map((r) => r.name);
    const pinyin = ["阿强", "李娜", "吴磊", "张伟", "周杰"];
    expect(await names({})).toEqual(pinyin);
    expect(await names({ dir: "desc" })).toEqual([...pinyin].reverse());
    expect(await names({ status: "not_started" })).toEqual(pinyin);
    // Ties on progress are broken by name, in pinyin order too.
    expect(await names({ sort: "progress" })).toEqual(pinyin);
  });

  it("every status filter and sort, paged, lists what the whole cohort's summary filtered and sorted lists, roll-up kept or not", async () => {
    // The matrix ranks members on their status as tests of existence and on the roll-up, then
    // summarises only the page; the definition is the summary of every member, filtered on its
    // status and sorted. 130 generated learners (some sharing a name) in a cohort of their own.
    const trainerId = (await t.db.cohort.findUniqueOrThrow({ where: { id: c1 }, select: { trainerId: true } }))
      .trainerId;
    const org = await testOrganisationId(t.db);
    const c4 = (
      await t.db.cohort.create({ data: { name: "四班", inviteCode: "DDDD4444", trainerId, organisationId: org } })
    ).id;
    await t.db.$executeRaw`SELECT setseed(0.28)`;
    await t.db.$executeRaw`
      INSERT INTO "User"(id, email, name, "nameSortKey", "passwordHash", "updatedAt")
      SELECT 'g' || g, 'g' || g || '@gen.cn', 'n' || (g % 97), 'n' || (g % 97), 'x', now() FROM generate_series(1, 130) g`;
    await t.db.$executeRaw`
      INSERT INTO "CohortMember"("cohortId", "userId", "joinedAt")
      SELECT ${c4}, 'g' || g, ${NOW}::timestamp - (floor(random() * 14) || ' days')::interval FROM generate_series(1, 130) g`;
    await t.db.$executeRaw`
      INSERT INTO "LessonProgress"("userId", "moduleSlug", "lessonSlug", "completedAt")
      SELECT 'g' || g, l.m, l.s, ${NOW}::timestamp - (floor(random() * 12) || ' days')::interval
      FROM generate_series(1, 130) g, (VALUES ('m1', 'a'), ('m1', 'b'), ('m2', 'c')) l(m, s) WHERE random() < 0.55`;
    await t.db.$executeRaw`
      INSERT INTO "Attempt"(id, "userId", "quizId", "questionIds", "startedAt", "submittedAt", correct, total, percent, passed)
      SELECT 'ga' || g || q, 'g' || g, q, '{}', ${NOW}::timestamp - (floor(random() * 12) || ' days')::interval,
             ${NOW}::timestamp - interval '1 hour', 1, 1, p, p >= 80
      FROM generate_series(1, 130) g, (VALUES ('qz'), ('fin')) x(q), LATERAL (SELECT floor(random() * 101)::int AS p) s
      WHERE random() < 0.4`;
    await t.db.$executeRaw`
      INSERT INTO "Certificate"(id, "userId", name, "issuedAt")
      SELECT 'gc' || g, 'g' || g, 'x', ${NOW} FROM generate_series(1, 130) g WHERE g % 9 = 0`;

    const cutoff = inactiveCutoff(NOW);
    const whole = async (q: MatrixQuery) => {
      const d = q.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
      const byName = Prisma.sql`u."nameSortKey" COLLATE "C", u.name, s.user_id`;
      const order = {
        name: Prisma.sql`u."nameSortKey" COLLATE "C" ${d}, u.name ${d}, s.user_id`,
        progress: Prisma.sql`s.modules_done ${d}, s.lessons_done ${d}, ${byName}`,
        last_active: Prisma.sql`s.last_active ${d} NULLS LAST, ${byName}`,
        final: Prisma.sql`s.final_best ${d} NULLS LAST, ${byName}`,
      }[q.sort];
      const status =
        q.status === "all"
          ? Prisma.sql`TRUE`
          : q.status === "inactive"
            ? Prisma.sql`s.inactive`
            : Prisma.sql`s.status = ${q.status}`;
      const rows = await t.db.$queryRaw<{ user_id: string }[]>`
        ${memberSummaryCte(shape, cohortMembersSql([c4]), cutoff)}
        SELECT s.user_id FROM summary_flags s JOIN "User" u ON u.id = s.user_id WHERE ${status} ORDER BY ${order}`;
      return rows.map((r) => r.user_id);
    };
    const shown = new Set<string>();
    for (const kept of [false, true]) {
      if (kept) expect(await keepProgressRollupFor(t.db, shape)).toBe(true);
      for (const status of STATUS_FILTERS)
        for (const sort of SORTS)
          for (const dir of ["asc", "desc"] as const) {
            const q: MatrixQuery = { ...DEFAULT_QUERY, status, sort, dir };
            const expected = await whole(q);
            const label = `${status} by ${sort} ${dir}${kept ? " (roll-up kept)" : ""}`;
            const all = await getProgressMatrixAll(t.db, shape, c4, q, NOW);
            expect(
              all.map((r) => r.userId),
              label,
            ).toEqual(expected);
            expect(
              all.every((r) => status === "all" || (status === "inactive" ? r.inactive : r.status === status)),
            ).toBe(true);
            // Page 2, or the last page when there is no second (an old link shows the last page).
            const second = await getProgressMatrix(t.db, shape, c4, { ...q, page: 2 }, NOW);
            const from = expected.length > 50 ? 50 : 0;
            expect(second.total, label).toBe(expected.length);
            expect(
              second.rows.map((r) => r.userId),
              label,
            ).toEqual(expected.slice(from, from + 50));
            if (expected.length > 0) shown.add(status);
          }
    }
    // Every status occurs in the generated cohort, or its filter proves nothing.
    expect([...shown].sort()).toEqual([...STATUS_FILTERS].sort());
  });
});
