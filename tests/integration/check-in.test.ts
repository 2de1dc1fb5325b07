// 签到 on a real PostgreSQL server: a whole room scanning at once records each learner exactly
// once; an expired token leaves no pass; a second scan records nothing new; a learner outside the
// cohort is refused; a cohort's minimum attendance holds the certificate back until it is met.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInWithCode, recordCheckIn } from "@/lib/attendance/check-in";
import { getCohortHours, onlineModulesOf } from "@/lib/attendance/hours";
import { getRegister, getRegisterPage, markAttendance } from "@/lib/attendance/register";
import { DEFAULT_REGISTER_QUERY, REGISTER_PAGE_SIZE } from "@/lib/attendance/register-query";
import { deleteSession } from "@/lib/attendance/sessions";
import { manualCode, passFromScan, readPass, signToken, windowOf, WINDOW_MS } from "@/lib/attendance/token";
import { issueCertificateIfComplete } from "@/lib/certificates/certificates";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { compareNames } from "@/lib/sorting/pinyin";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";

const SECRET = "integration-secret-integration-secret";
const ROOM = 300;

describe.skipIf(noPostgres)(`签到 on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let t: PostgresTestDb;
  let cohortId: string;
  let sessionId: string;
  let trainer: { id: string; name: string; role: "TRAINER"; organisationId: null };
  const learners: string[] = [];
  const now = new Date();

  beforeAll(async () => {
    t = await createPostgresTestDb(10);
    const org = await testOrganisationId(t.db);
    const tr = await t.db.user.create({
      data: { email: "trainer@ci.test", name: "培训师", passwordHash: "x", role: "TRAINER" },
      select: { id: true },
    });
    trainer = { id: tr.id, name: "培训师", role: "TRAINER", organisationId: null };
    await assignTestTrainer(t.db, org, tr.id);
    cohortId = (
      await t.db.cohort.create({
        data: { name: "签到班", inviteCode: "CHECKIN1", trainerId: tr.id, organisationId: org },
        select: { id: true },
      })
    ).id;
    await t.db.user.createMany({
      data: Array.from({ length: ROOM }, (_, i) => ({
        id: `ci${String(i).padStart(4, "0")}`,
        email: `ci${i}@ci.test`,
        name: `学员${i}`,
        passwordHash: "x",
      })),
    });
    for (let i = 0; i < ROOM; i++) learners.push(`ci${String(i).padStart(4, "0")}`);
    await t.db.cohortMember.createMany({ data: learners.map((userId) => ({ cohortId, userId })) });
    sessionId = (
      await t.db.cohortSession.create({
        data: {
          cohortId,
          title: "第一天上午",
          startsAt: new Date(now.getTime() - 5 * 60_000),
          endsAt: new Date(now.getTime() + 3 * 3_600_000),
          venue: "301",
          trainerName: "李强",
          creditHours: 3,
          graceMinutes: 10,
        },
        select: { id: true },
      })
    ).id;
  });
  afterAll(() => t?.close());

  const rows = () => t.db.attendance.count({ where: { sessionId } });

  it("records exactly one row per learner when 300 scan within a minute, each twice", async () => {
    const started = Date.now();
    // Every learner's phone sends the scan twice (a double tap, a reload) and all arrive together.
    const results = await Promise.all(
      [...learners, ...learners].map((userId) =>
        recordCheckIn(t.db, { sessionId, userId, purpose: "in", at: new Date() }),
      ),
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await rows()).toBe(ROOM);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.again)).toHaveLength(ROOM);
    expect(results.filter((r) => r.ok && r.status === "PRESENT")).toHaveLength(2 * ROOM);
  }, 120_000);

  it("says 已签到 with the first time on a second scan, and records nothing new", async () => {
    const first = await t.db.attendance.findUniqueOrThrow({
      where: { sessionId_userId: { sessionId, userId: learners[0]! } },
      select: { checkedInAt: true, updatedAt: true },
    });
    const again = await recordCheckIn(t.db, {
      sessionId,
      userId: learners[0]!,
      purpose: "in",
      at: new Date(Date.now() + 30 * 60_000),
    });
    expect(again).toMatchObject({ ok: true, again: true, status: "PRESENT", at: first.checkedInAt });
    expect(await rows()).toBe(ROOM);
  });

  it("leaves no pass for an expired token, so nothing can be recorded with it", async () => {
    const old = signToken(SECRET, sessionId, windowOf(Date.now() - 70_000));
    expect(passFromScan(SECRET, old, Date.now())).toEqual({ ok: false, code: "EXPIRED" });
    const fresh = passFromScan(SECRET, signToken(SECRET, sessionId, windowOf(Date.now())), Date.now());
    expect(fresh.ok).toBe(true);
    expect(readPass(SECRET, fresh.ok ? fresh.pass : "", Date.now())?.sessionId).toBe(sessionId);
  });

  it("refuses a learner who is not in the cohort, and records nothing", async () => {
    const outsider = await t.db.user.create({
      data: { email: "outsider@ci.test", name: "外人", passwordHash: "x" },
      select: { id: true },
    });
    const r = await recordCheckIn(t.db, { sessionId, userId: outsider.id, purpose: "in", at: new Date() });
    expect(r).toMatchObject({ ok: false, code: "NOT_MEMBER" });
    expect(await rows()).toBe(ROOM);
  });

  it("records 迟到 after the grace minutes, and takes the typed code of the current window", async () => {
    const late = await t.db.cohortSession.create({
      data: {
        cohortId,
        title: "第一天下午",
        startsAt: new Date(Date.now() - 30 * 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
        venue: "301",
        trainerName: "李强",
        creditHours: 3.5,
        graceMinutes: 10,
      },
      select: { id: true },
    });
    const code = manualCode(SECRET, late.id, windowOf(Date.now()));
    const r = await checkInWithCode(t.db, SECRET, learners[1]!, code);
    expect(r).toMatchObject({ ok: true, status: "LATE", again: false });
    const wrong = await checkInWithCode(t.db, SECRET, learners[2]!, code === "000000" ? "000001" : "000000");
    expect(wrong).toEqual({ ok: false, code: "WRONG_CODE" });
    const stale = manualCode(SECRET, late.id, windowOf(Date.now() - 5 * WINDOW_MS));
    if (stale !== code) expect((await checkInWithCode(t.db, SECRET, learners[3]!, stale)).ok).toBe(false);
  });

  it("sums 学时 over attended sessions; a hand mark is audited", async () => {
    expect(
      (await markAttendance(t.db, trainer, { sessionId, userId: learners[4]!, status: "LEAVE", note: "病假" })).ok,
    ).toBe(true);
    const hours = await getCohortHours(t.db, cohortId, [], [learners[1]!, learners[4]!]);
    expect(hours.get(learners[1]!)).toMatchObject({ sessions: 2, attended: 2, late: 1, classroomHours: 6.5 });
    expect(hours.get(learners[4]!)).toMatchObject({ attended: 0, leave: 1, classroomHours: 0 });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "ATTENDANCE_MARK" },
      select: { target: true },
    });
    expect(audit.target).toBe(sessionId);
  });

  it("credits a half day that asks for 签退 only once the learner signs out", async () => {
    const half = await t.db.cohortSession.create({
      data: {
        cohortId,
        title: "半天 · 需签退",
        startsAt: new Date(Date.now() - 60 * 60_000),
        endsAt: new Date(Date.now() + 30 * 60_000),
        venue: "301",
        trainerName: "李强",
        creditHours: 2,
        graceMinutes: 10,
        signOutRequired: true,
      },
      select: { id: true },
    });
    const userId = learners[20]!;
    // Signing out without having signed in is refused.
    expect(await recordCheckIn(t.db, { sessionId: half.id, userId, purpose: "out", at: new Date() })).toMatchObject({
      ok: false,
      code: "NOT_CHECKED_IN",
    });
    await recordCheckIn(t.db, { sessionId: half.id, userId, purpose: "in", at: new Date(Date.now() - 55 * 60_000) });
    const before = (await getCohortHours(t.db, cohortId, [], [userId])).get(userId)!;
    expect(await recordCheckIn(t.db, { sessionId: half.id, userId, purpose: "out", at: new Date() })).toMatchObject({
      ok: true,
      purpose: "out",
      again: false,
    });
    const after = (await getCohortHours(t.db, cohortId, [], [userId])).get(userId)!;
    expect(after.classroomHours - before.classroomHours).toBe(2);
    expect(after.attended).toBe(before.attended);
    await t.db.cohortSession.delete({ where: { id: half.id } });
  });

  it("holds the certificate back until the cohort's minimum attendance is met", async () => {
    const content = loadContent();
    const quizzes = loadQuizzes(content);
    await syncQuizzes(t.db, quizzes);
    const course = courseShapeOf(content, quizzes);
    const userId = learners[10]!;
    for (const m of course.modules)
      for (const l of m.lessons)
        await t.db.lessonProgress.create({ data: { userId, moduleSlug: m.slug, lessonSlug: l } });
    for (const quizId of [...course.modules.map((m) => m.quizId), course.finalQuizId].filter((q) => q !== null))
      await t.db.attempt.create({
        data: { userId, quizId, questionIds: [], submittedAt: new Date(), percent: 100, passed: true },
      });
    // Every online module done: its reading time counts as online 学时.
    const online = (await getCohortHours(t.db, cohortId, onlineModulesOf(content.modules), [userId])).get(userId)!;
    expect(online.onlineHours).toBeGreaterThan(0);
    await t.db.cohort.update({ where: { id: cohortId }, data: { minAttendancePercent: 100 } });
    await t.db.attendance.deleteMany({ where: { userId } });
    const issue = () => t.db.$transaction((tx) => issueCertificateIfComplete(tx, course, userId));
    expect(await issue()).toBeNull();
    // Attending one of two sessions is 50%: still short.
    await recordCheckIn(t.db, { sessionId, userId, purpose: "in", at: new Date() });
    expect(await issue()).toBeNull();
    const other = await t.db.cohortSession.findFirstOrThrow({
      where: { cohortId, id: { not: sessionId } },
      select: { id: true },
    });
    // The check-in that meets the minimum issues it (recording attendance is a completing event).
    await recordCheckIn(t.db, { sessionId: other.id, userId, purpose: "in", at: new Date() });
    expect(await t.db.certificate.findUnique({ where: { userId }, select: { id: true } })).not.toBeNull();
  });

  it("deletes a session scheduled by mistake, audited; refuses one with attendance and another bank's trainer", async () => {
    const mistake = await t.db.cohortSession.create({
      data: {
        cohortId,
        title: "误建课次",
        startsAt: new Date(now.getTime() + 86_400_000),
        endsAt: new Date(now.getTime() + 90_000_000),
        venue: "302",
        trainerName: "李强",
        creditHours: 3,
        graceMinutes: 10,
      },
      select: { id: true },
    });
    const stranger = { id: "nobody", name: "别家培训师", role: "TRAINER" as const, organisationId: null };
    expect(await deleteSession(t.db, stranger, cohortId, mistake.id)).toEqual({ ok: false, code: "FORBIDDEN" });
    // The first session has check-ins: its 学时 count, so it stays.
    expect(await deleteSession(t.db, trainer, cohortId, sessionId)).toEqual({ ok: false, code: "HAS_ATTENDANCE" });
    expect(await t.db.cohortSession.count({ where: { id: sessionId } })).toBe(1);
    expect(await deleteSession(t.db, trainer, cohortId, mistake.id)).toEqual({ ok: true });
    expect(await t.db.cohortSession.count({ where: { id: mistake.id } })).toBe(0);
    expect(await deleteSession(t.db, trainer, cohortId, mistake.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    const audit = await t.db.auditEvent.findFirst({
      where: { action: "SESSION_CHANGE", detail: `删除课次；${mistake.id}` },
      select: { actorId: true, target: true },
    });
    expect(audit).toEqual({ actorId: trainer.id, target: cohortId });
  });
  it("lists the register by 分行, then 部门 (none last), then name, in pinyin order", async () => {
    const branches = ["北京分行", "上海分行", "广州分行", "安徽分行", "重庆分行", null];
    const departments = ["信用卡部", "零售部", "个金部", null];
    for (const [i, id] of learners.entries())
      await t.db.user.update({
        where: { id },
        data: { branch: branches[(i * 7) % branches.length], department: departments[(i * 5) % departments.length] },
        select: { id: true },
      });
    const rows = await getRegister(t.db, cohortId, sessionId);
    const place = (v: string | null) => v ?? "\uffff";
    const byName = [...rows].sort((a, b) => compareNames(a.name, b.name) || a.userId.localeCompare(b.userId));
    const expected = byName.sort(
      (a, b) =>
        compareNames(place(a.branch), place(b.branch)) || compareNames(place(a.department), place(b.department)),
    );
    expect(rows.map((r) => r.userId)).toEqual(expected.map((r) => r.userId));
    expect(rows[0]!.branch).toBe("安徽分行");
    expect(rows.at(-1)!.branch).toBeNull();
  });

  it("pages the register in the whole list's order, 50 a page, searched by name or 工号 and filtered by 分行, with the whole session's counts", async () => {
    // The 分行 and 部门 the test above gave; a few 工号 to search by.
    await t.db
      .$executeRaw`UPDATE "User" SET "employeeNo" = 'E' || substr(id, 3) WHERE id = ANY(${learners.slice(0, 20)}::text[])`;
    const whole = await getRegister(t.db, cohortId, sessionId);
    const page = (q: Partial<typeof DEFAULT_REGISTER_QUERY>) =>
      getRegisterPage(t.db, cohortId, sessionId, { ...DEFAULT_REGISTER_QUERY, ...q });
    const first = await page({});
    expect(first).toMatchObject({ page: 1, pages: Math.ceil(ROOM / REGISTER_PAGE_SIZE), total: ROOM });
    const pages = [first.rows];
    for (let p = 2; p <= first.pages; p++) pages.push((await page({ page: p })).rows);
    expect(pages.flat()).toEqual(whole);
    expect(pages.every((rows) => rows.length <= REGISTER_PAGE_SIZE)).toBe(true);
    // The whole session's counts, on every page and whatever the search.
    const counted = (s: string | null) => whole.filter((r) => r.status === s).length;
    const counts = {
      members: ROOM,
      present: counted("PRESENT"),
      late: counted("LATE"),
      leave: counted("LEAVE"),
      absent: counted("ABSENT"),
      missing: counted(null),
    };
    expect(first.counts).toEqual(counts);
    expect((await page({ q: "学员1", branch: "上海分行", page: 2 })).counts).toEqual(counts);
    // 分行 for the filter: each once, in the register's (pinyin) order, blanks left out.
    expect(first.branches).toEqual([...new Set(whole.flatMap((r) => (r.branch ? [r.branch] : [])))]);
    expect(first.branches).toHaveLength(5);
    const shanghai = await page({ branch: "上海分行" });
    const inShanghai = whole.filter((r) => r.branch === "上海分行");
    expect(shanghai.total).toBe(inShanghai.length);
    expect(shanghai.rows).toEqual(inShanghai.slice(0, REGISTER_PAGE_SIZE));
    // By name (part of it) or 工号, within a 分行 too; a typed % is text, not a wildcard.
    const named = await page({ q: "学员12" });
    expect(named.rows).toEqual(whole.filter((r) => r.name.includes("学员12")));
    expect((await page({ q: "E0007" })).rows.map((r) => r.userId)).toEqual(["ci0007"]);
    expect((await page({ q: "学员12", branch: "上海分行" })).rows).toEqual(
      whole.filter((r) => r.name.includes("学员12") && r.branch === "上海分行"),
    );
    expect(await page({ q: "%" })).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
    // Past the last page (an old link): the last page.
    const last = await page({ page: 99 });
    expect(last.page).toBe(first.pages);
    expect(last.rows).toEqual(pages.at(-1));
  });
});
