import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, createAccount, endSessions, updateUserAccess } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { countRecent, hitLimit, isLimited, LIMITS, recordEvent } from "@/lib/auth/rate-limit";
import { createCohort, getCohortFor, joinCohort, listCohorts } from "@/lib/cohorts/cohorts";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { getCohortOverviews } from "@/lib/dashboard/overview";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { DEMO_COHORTS_FOR_DASHBOARD, keepDemoCohortsCurrent } from "@/prisma/demo-cohort";
import { DEMO_USERS, seedDemoData } from "@/prisma/demo-data";
import { seedDemoSessions } from "@/prisma/demo-sessions";
import { formatDate } from "@/lib/format/beijing-time";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const account = (email: string, extra: Partial<Parameters<typeof createAccount>[1]> = {}) =>
  createAccount(t.db, { name: "测试", email, password: "a long enough secret", ...extra });

describe("accounts", () => {
  it("stores a salted scrypt hash, never the password", async () => {
    const r = await account("hash@test.cn");
    expect(r.ok).toBe(true);
    const row = await t.db.user.findUniqueOrThrow({ where: { email: "hash@test.cn" }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.passwordHash).not.toContain("a long enough secret");
    expect(await verifyPassword("a long enough secret", row.passwordHash)).toBe(true);
    expect(await verifyPassword("a long enough secreT", row.passwordHash)).toBe(false);
  });

  it("refuses a second account with the same email and creates nothing", async () => {
    await account("dup@test.cn");
    expect(await account("dup@test.cn")).toEqual({
      ok: false,
      code: "EMAIL_TAKEN",
      fieldErrors: { email: "该邮箱已注册，请直接登录" },
    });
    expect(await t.db.user.count({ where: { email: "dup@test.cn" } })).toBe(1);
  });

  it("refuses an unknown invite code without creating the account", async () => {
    expect(await account("nocohort@test.cn", { inviteCode: "ZZZZZZZZ" })).toEqual({
      ok: false,
      fieldErrors: { inviteCode: "邀请码无效，请向培训师确认。" },
    });
    expect(await t.db.user.count({ where: { email: "nocohort@test.cn" } })).toBe(0);
  });

  it("ends sessions by bumping the version on password change, sign-out and admin changes", async () => {
    const r = await account("versions@test.cn");
    if (!r.ok) throw new Error("setup");
    const version = async () =>
      (await t.db.user.findUniqueOrThrow({ where: { id: r.value.id }, select: { sessionVersion: true } }))
        .sessionVersion;
    expect(await version()).toBe(1);
    await endSessions(t.db, r.value.id);
    expect(await version()).toBe(2);
    expect(await changePassword(t.db, r.value.id, "wrong", "another long secret")).toEqual({
      ok: false,
      fieldErrors: { currentPassword: "当前密码不正确" },
    });
    expect(await version()).toBe(2);
    expect((await changePassword(t.db, r.value.id, "a long enough secret", "another long secret")).ok).toBe(true);
    expect(await version()).toBe(3);
    const admin = await account("admin-actor@test.cn", { role: "ADMIN" });
    if (!admin.ok) throw new Error("setup");
    const actor = { id: admin.value.id, name: "管理员 王" };
    expect((await updateUserAccess(t.db, actor, r.value.id, { disabled: true, role: "TRAINER" })).ok).toBe(true);
    expect(await version()).toBe(4);
    // The change is in the audit trail, with who did it and what changed.
    const trail = () =>
      t.db.auditEvent.findMany({
        where: { action: "USER_ACCESS_CHANGE", actorId: admin.value.id },
        select: { target: true, actorName: true, detail: true },
      });
    expect(await trail()).toEqual([
      { target: r.value.id, actorName: "管理员 王", detail: "角色：学员 → 培训师;停用账号" },
    ]);
    expect(await updateUserAccess(t.db, actor, admin.value.id, { role: "LEARNER" })).toEqual({
      ok: false,
      fieldErrors: { form: "不能修改自己的角色或停用自己的账号" },
    });
    expect(await updateUserAccess(t.db, actor, "no-such-user", { role: "LEARNER" })).toEqual({
      ok: false,
      fieldErrors: { form: "用户不存在" },
    });
    expect(await trail()).toHaveLength(1); // refused changes leave no event
  });
});

describe("rate limits in the database", () => {
  it("counts events per bucket within the window and says when the limit is passed", async () => {
    const limit = LIMITS.signInPerIp("203.0.113.9");
    const results: boolean[] = [];
    for (let i = 0; i < 11; i++) results.push(await hitLimit(t.db, limit));
    expect(results.slice(0, 10).every((r) => r === false)).toBe(true);
    expect(results[10]).toBe(true);
    expect(await countRecent(t.db, LIMITS.signInPerIp("203.0.113.10"))).toBe(0);
  });

  it("lets the window slide: events older than the window do not count", async () => {
    const limit = { bucket: "test-window", max: 2, windowMs: 60_000 };
    await t.db.rateLimitEvent.createMany({
      data: [0, 1, 2].map(() => ({ bucket: "test-window", createdAt: new Date(Date.now() - 120_000) })),
    });
    expect(await isLimited(t.db, limit)).toBe(false);
    await recordEvent(t.db, limit);
    await recordEvent(t.db, limit);
    expect(await isLimited(t.db, limit)).toBe(true);
  });
});

describe("cohorts", () => {
  it("lets a trainer see only their own cohorts and learners; an admin sees all", async () => {
    const [a, b, admin, learner, outsider] = await Promise.all(
      ["ta@test.cn", "tb@test.cn", "ad@test.cn", "la@test.cn", "lo@test.cn"].map((e, i) =>
        account(e, { role: i < 2 ? "TRAINER" : i === 2 ? "ADMIN" : "LEARNER" }),
      ),
    );
    if (!a?.ok || !b?.ok || !admin?.ok || !learner?.ok || !outsider?.ok) throw new Error("setup");
    const ta = { id: a.value.id, role: "TRAINER" as const, organisationId: null };
    const tb = { id: b.value.id, role: "TRAINER" as const, organisationId: null };
    const ad = { id: admin.value.id, role: "ADMIN" as const, organisationId: null };
    const organisationId = await testOrganisationId(t.db);
    // Not yet assigned to the organisation: a trainer cannot open a cohort there.
    expect(await createCohort(t.db, ta, { name: "一期", organisationId })).toBeNull();
    await assignTestTrainer(t.db, organisationId, ta.id);
    await assignTestTrainer(t.db, organisationId, tb.id);

    const cohort = (await createCohort(t.db, ta, { name: "一期", organisationId }))!;
    expect(cohort.inviteCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect((await joinCohort(t.db, learner.value.id, cohort.inviteCode)).ok).toBe(true);
    expect((await joinCohort(t.db, learner.value.id, cohort.inviteCode)).ok).toBe(true); // twice is fine
    expect(await t.db.cohortMember.count({ where: { cohortId: cohort.id } })).toBe(1);

    expect((await listCohorts(t.db, ta)).map((c) => c.id)).toContain(cohort.id);
    expect((await listCohorts(t.db, tb)).map((c) => c.id)).not.toContain(cohort.id);
    expect((await listCohorts(t.db, ad)).map((c) => c.id)).toContain(cohort.id);
    expect(await getCohortFor(t.db, tb, cohort.id)).toBeNull();
    expect((await getCohortFor(t.db, ta, cohort.id))?._count.members).toBe(1);
  });
});

describe("demo data", () => {
  it("seeds the demo people once; seeding again changes nothing", async () => {
    const content = loadContent();
    const quizzes = loadQuizzes(content);
    await syncQuizzes(t.db, quizzes);
    expect(await seedDemoData(t.db, content)).toEqual({ created: true });
    const counts = async () => [
      await t.db.user.count(),
      await t.db.attempt.count(),
      await t.db.answer.count(),
      await t.db.lessonProgress.count(),
    ];
    const before = await counts();
    expect(await seedDemoData(t.db, content)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
    expect(await t.db.user.count({ where: { email: { endsWith: "@demo.local" } } })).toBe(
      DEMO_USERS.length + DEMO_COHORTS_FOR_DASHBOARD.reduce((n, c) => n + c.size, 0),
    );
    expect(
      await t.db.cohort.count({ where: { inviteCode: { in: ["DEMO2026", "BRANCH26", "SPRING26", "SOUTH26"] } } }),
    ).toBe(4);
    // Every demo cohort belongs to a demo bank; each bank's client admin belongs to it.
    const banks = await t.db.organisation.findMany({
      where: { code: { in: ["DFB", "NLB"] } },
      select: {
        code: true,
        cohorts: { select: { inviteCode: true } },
        people: { where: { role: "CLIENT_ADMIN" }, select: { email: true } },
      },
      orderBy: { code: "asc" },
    });
    expect(banks.map((b) => [b.code, b.cohorts.map((c) => c.inviteCode).sort(), b.people.map((p) => p.email)])).toEqual(
      [
        ["DFB", ["DEMO2026", "SPRING26"], ["client@demo.local"]],
        ["NLB", ["BRANCH26", "SOUTH26"], ["client2@demo.local"]],
      ],
    );
  });

  it("the demo cohort gives the dashboard something to show: every stage, failed attempts, enough answers to analyse", async () => {
    const spec = DEMO_COHORTS_FOR_DASHBOARD[0];
    const cohort = await t.db.cohort.findUniqueOrThrow({
      where: { inviteCode: spec.inviteCode },
      select: { id: true },
    });
    const shape = courseShapeOf(loadContent(), loadQuizzes(loadContent()));
    const o = (await getCohortOverviews(t.db, shape, [cohort.id])).get(cohort.id)!;
    expect(o.enrolled).toBe(spec.size);
    // Most learners who have not finished are still at it: the "inactive" count is a minority.
    expect(o.inactive).toBeLessThan((o.enrolled - o.completed) / 2);
    expect(o.started).toBeGreaterThan(o.completed);
    expect(o.started).toBeLessThan(o.enrolled);
    expect(o.completed).toBeGreaterThan(0);
    expect(o.inactive).toBeGreaterThan(0);
    expect(await t.db.attempt.count({ where: { passed: false } })).toBeGreaterThan(0);
    const first = await getItemAnalysis(t.db, cohort.id, shape.modules[0]!.quizId!);
    expect(first.learners).toBeGreaterThanOrEqual(20);
    expect(first.items.every((i) => i.discrimination !== null)).toBe(true);
  });

  it("a demo left running for weeks still tells the same story: demo learners' dates move forward by whole days, nobody else's", async () => {
    const spec = DEMO_COHORTS_FOR_DASHBOARD[0];
    const cohort = await t.db.cohort.findUniqueOrThrow({
      where: { inviteCode: spec.inviteCode },
      select: { id: true },
    });
    const shape = courseShapeOf(loadContent(), loadQuizzes(loadContent()));
    const overview = async (at: Date) => (await getCohortOverviews(t.db, shape, [cohort.id], at)).get(cohort.id)!;
    // A real person who joined the demo cohort: their record is theirs and must not move.
    const real = await createAccount(t.db, {
      email: "real.person@bank.cn",
      name: "真实学员",
      password: "a long enough secret",
    });
    if (!real.ok) throw new Error("setup");
    await t.db.cohortMember.create({ data: { cohortId: cohort.id, userId: real.value.id }, select: { userId: true } });
    // Long idle, so it reads "inactive" at every date compared below.
    const realTick = new Date(Date.now() - 30 * 86_400_000);
    await t.db.lessonProgress.create({
      data: { userId: real.value.id, moduleSlug: "m", lessonSlug: "l", completedAt: realTick },
      select: { userId: true },
    });

    const day = 86_400_000;
    const later = new Date(Date.now() + 20 * day);
    const today = await overview(new Date());
    const drifted = await overview(later);
    expect(drifted.inactive).toBeGreaterThan(today.inactive); // the problem being solved
    // The seed day is stored by date, so the move is 19 or 20 whole days.
    const asOf = new Map<number, Awaited<ReturnType<typeof overview>>>();
    for (const d of [19, 20]) asOf.set(d, await overview(new Date(later.getTime() - d * day)));
    // The classroom sessions (one of them today, with its check-ins) move with the rest.
    await seedDemoSessions(t.db);
    const todays = () =>
      t.db.cohortSession.findFirstOrThrow({
        where: { cohortId: cohort.id },
        orderBy: { startsAt: "desc" },
        select: { startsAt: true },
      });
    const seededToday = (await todays()).startsAt;
    expect(formatDate(seededToday)).toBe(formatDate(new Date()));
    const { shiftedDays } = await keepDemoCohortsCurrent(t.db, later);
    expect([19, 20]).toContain(shiftedDays);
    expect((await todays()).startsAt.getTime()).toBe(seededToday.getTime() + shiftedDays * day);
    // After the move, "later" looks exactly as "later minus the days moved" looked before it.
    const moved = await overview(later);
    // The average is summed by PostgreSQL in whatever order it reads rows: equal up to rounding.
    const { averageFinal: movedAverage, ...movedRest } = moved;
    const { averageFinal: expectedAverage, ...expectedRest } = asOf.get(shiftedDays)!;
    expect(movedRest).toEqual(expectedRest);
    expect(movedAverage).not.toBeNull();
    expect(movedAverage!).toBeCloseTo(expectedAverage!, 9);
    expect(moved.inactive).toBeLessThan(drifted.inactive);
    expect((await keepDemoCohortsCurrent(t.db, later)).shiftedDays).toBe(0); // once a day at most
    // Nothing moved into the future; the real learner's tick did not move at all.
    const latest = await t.db.lessonProgress.aggregate({
      _max: { completedAt: true },
      where: { user: { email: { endsWith: "@demo.local" } } },
    });
    expect(latest._max.completedAt!.getTime()).toBeLessThanOrEqual(later.getTime());
    const tick = await t.db.lessonProgress.findUniqueOrThrow({
      where: { userId_moduleSlug_lessonSlug: { userId: real.value.id, moduleSlug: "m", lessonSlug: "l" } },
      select: { completedAt: true },
    });
    expect(tick.completedAt.getTime()).toBe(realTick.getTime());
  });
});
