// The end of a contract on a real PostgreSQL server: the export comes first (within 24 h), the
// typed name must match, the erase is all or nothing, keeps the counts and the anonymous rows,
// keeps learners shared with another open organisation, and leaves other banks' people alone.
// Plus the logo's checks and who may read it, and the retention job over inactive learners.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/audit-log";
import { verifyPassword } from "@/lib/auth/password";
import { createCohort, findInvite } from "@/lib/cohorts/cohorts";
import type { Role } from "@/lib/generated/prisma/enums";
import { closeOrganisation, getCloseSummary } from "@/lib/organisations/close";
import { exportOrganisationPack } from "@/lib/organisations/close-export";
import { checkLogo, readOrganisationLogo, setOrganisationLogo } from "@/lib/organisations/logo";
import { createOrganisation, setTrainerAssignment } from "@/lib/organisations/organisations";
import { countInactiveLearners, purgeInactiveLearners } from "@/lib/organisations/retention";
import type { Viewer } from "@/lib/organisations/scope";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

const admin = { id: "admin-actor", name: "管理员" };
const DAY = 86_400_000;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe.skipIf(noPostgres)(`end of contract on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let t: PostgresTestDb;
  const orgs: Record<string, string> = {};
  const users: Record<string, Viewer> = {};
  const cohorts: Record<string, { id: string; inviteCode: string }> = {};

  const org = async (code: string, retentionDays = 365) => {
    const r = await createOrganisation(t.db, admin, { name: `${code} 银行`, code, retentionDays });
    if (!r.ok) throw new Error(r.code);
    orgs[code] = r.value.id;
  };
  const person = async (key: string, role: Role, organisationId: string | null = null, createdAt = new Date()) => {
    const u = await t.db.user.create({
      data: {
        email: `${key}@close.test`,
        name: `真名${key}`,
        passwordHash: "scrypt$1$1$1$c2FsdA$aGFzaA",
        role,
        organisationId,
        mobile: organisationId ? `139${String(Object.keys(users).length).padStart(8, "0")}` : null,
        employeeNo: organisationId ? `E${key}` : null,
        branch: organisationId ? "南京分行" : null,
        department: organisationId ? "信用卡部" : null,
        position: organisationId ? "客户经理" : null,
        createdAt,
      },
      select: { id: true },
    });
    users[key] = { id: u.id, role, organisationId };
  };
  const join = (key: string, cohort: string, joinedAt = new Date()) =>
    t.db.cohortMember.create({ data: { cohortId: cohorts[cohort]!.id, userId: users[key]!.id, joinedAt } });
  const snapshot = (key: string) =>
    t.db.user.findUniqueOrThrow({
      where: { id: users[key]!.id },
      select: {
        name: true,
        email: true,
        mobile: true,
        employeeNo: true,
        branch: true,
        department: true,
        position: true,
        passwordHash: true,
        disabled: true,
        sessionVersion: true,
        erasedAt: true,
      },
    });

  beforeAll(async () => {
    t = await createPostgresTestDb();
    await t.db.quiz.create({
      data: { id: "qz", title: "模块一测验", moduleSlug: "m1", passMark: 80, shuffle: false, revealAnswers: "always" },
    });
    await org("CLOSEA");
    await org("OTHERB");
    await person("trainer", "TRAINER");
    for (const code of ["CLOSEA", "OTHERB"]) {
      expect((await setTrainerAssignment(t.db, admin, orgs[code]!, "trainer@close.test", true)).ok).toBe(true);
    }
    for (const [key, code] of [
      ["ca", "CLOSEA"],
      ["cb", "OTHERB"],
    ] as const) {
      cohorts[key] = (await createCohort(t.db, users.trainer!, { name: key, organisationId: orgs[code]! }))!;
    }
    await person("imported", "LEARNER", orgs.CLOSEA!);
    await person("selfJoined", "LEARNER");
    await person("shared", "LEARNER", orgs.CLOSEA!);
    await person("bankB", "LEARNER", orgs.OTHERB!);
    await person("adminA", "CLIENT_ADMIN", orgs.CLOSEA!);
    await person("adminB", "CLIENT_ADMIN", orgs.OTHERB!);
    await join("imported", "ca");
    await join("selfJoined", "ca");
    await join("shared", "ca");
    await join("shared", "cb");
    await join("bankB", "cb");
    const imported = users.imported!.id;
    await t.db.lessonProgress.create({ data: { userId: imported, moduleSlug: "m1", lessonSlug: "a" } });
    await t.db.attempt.create({
      data: { userId: imported, quizId: "qz", questionIds: [], submittedAt: new Date(), percent: 90, passed: true },
    });
    await t.db.certificate.create({ data: { id: "cert-imported", userId: imported, name: "真名imported" } });
    await t.db.rateLimitEvent.create({ data: { bucket: "signin-fail:imported@close.test" } });
  });
  afterAll(() => t?.close());

  it("a logo is recognised by its bytes, not its name, and only the organisation's people may read it", async () => {
    expect(checkLogo(PNG)).toEqual({ ok: true, type: "image/png" });
    expect(checkLogo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, type: "image/jpeg" });
    expect(checkLogo(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toEqual({ ok: true, type: "image/webp" });
    expect(checkLogo(new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ ok: false, code: "LOGO_NOT_IMAGE" });
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, code: "LOGO_MISSING" });
    const big = new Uint8Array(512 * 1024 + 1);
    big.set(PNG);
    expect(checkLogo(big)).toEqual({ ok: false, code: "LOGO_TOO_LARGE" });

    expect(await setOrganisationLogo(t.db, admin, orgs.CLOSEA!, PNG)).toEqual({ ok: true });
    const own = await readOrganisationLogo(t.db, users.adminA!, orgs.CLOSEA!);
    expect(own.ok && [own.logo.contentType, Buffer.from(own.logo.bytes).equals(Buffer.from(PNG))]).toEqual([
      "image/png",
      true,
    ]);
    expect((await readOrganisationLogo(t.db, users.trainer!, orgs.CLOSEA!)).ok).toBe(true);
    expect(await readOrganisationLogo(t.db, users.adminB!, orgs.CLOSEA!)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await readOrganisationLogo(t.db, users.imported!, orgs.CLOSEA!)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await readOrganisationLogo(t.db, users.adminB!, orgs.OTHERB!)).toEqual({ ok: false, code: "NONE" });
  });

  it("refuses the erase without an export in the last 24 hours, or with a wrong name, changing nothing", async () => {
    const before = await snapshot("imported");
    const name = "CLOSEA 银行";
    expect(await closeOrganisation(t.db, admin, orgs.CLOSEA!, name)).toEqual({ ok: false, code: "EXPORT_REQUIRED" });
    await recordAudit(
      t.db,
      admin,
      { action: "ORGANISATION_EXPORT", target: orgs.CLOSEA! },
      new Date(Date.now() - 25 * 3600_000),
    );
    expect(await closeOrganisation(t.db, admin, orgs.CLOSEA!, name)).toEqual({ ok: false, code: "EXPORT_REQUIRED" });
    expect(await closeOrganisation(t.db, admin, orgs.CLOSEA!, "CLOSEA")).toEqual({
      ok: false,
      code: "CONFIRMATION_MISMATCH",
    });
    expect(await snapshot("imported")).toEqual(before);
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: orgs.CLOSEA! } })).closedAt).toBeNull();
  });

  it("the export pack holds every sheet with the learners' data, and is audited", async () => {
    const book = new ExcelJS.Workbook();
    const pack = await exportOrganisationPack(t.db, admin, { id: orgs.CLOSEA!, code: "CLOSEA" });
    await book.xlsx.load(pack as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "学员",
      "班级成员",
      "课时完成",
      "测验成绩",
      "证书",
      "导出记录",
    ]);
    const learners = book.getWorksheet("学员")!;
    const names = learners.getColumn(1).values.slice(2);
    expect([...names].sort()).toEqual(["真名imported", "真名selfJoined", "真名shared"]);
    expect(learners.getRow(1).values).toContain("工号");
    expect(book.getWorksheet("测验成绩")!.rowCount).toBe(2);
    expect(book.getWorksheet("证书")!.getRow(2).getCell(3).value).toBe("cert-imported");
    const events = await t.db.auditEvent.findMany({
      where: { action: "ORGANISATION_EXPORT", target: orgs.CLOSEA! },
      select: { rows: true },
    });
    expect(events.map((e) => e.rows)).toContain(3);
  });

  it("the summary says how many are erased and how many are kept because another bank has them", async () => {
    const s = await getCloseSummary(t.db, orgs.CLOSEA!);
    expect(s?.exportFresh).toBe(true);
    expect(s?.counts).toEqual({ learners: 3, erase: 2, kept: 1, cohorts: 1, certificates: 1, clientAdmins: 1 });
  });

  it("is all or nothing: a failure at the last write leaves every learner as they were", async () => {
    const before = await snapshot("imported");
    await t.db.$executeRawUnsafe(`
        CREATE FUNCTION fail_close() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER fail_close BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = 'ORGANISATION_CLOSE') EXECUTE FUNCTION fail_close()`,
    );
    try {
      await expect(closeOrganisation(t.db, admin, orgs.CLOSEA!, "CLOSEA 银行")).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER fail_close ON "AuditEvent"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION fail_close()`);
    }
    expect(await snapshot("imported")).toEqual(before);
    expect((await snapshot("adminA")).disabled).toBe(false);
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: orgs.CLOSEA! } })).closedAt).toBeNull();
    expect(await t.db.certificate.findUniqueOrThrow({ where: { id: "cert-imported" } })).toMatchObject({
      name: "真名imported",
    });
  });

  it("erases the learners who belong only to this bank, keeps the counts, the shared learner and the other bank", async () => {
    const shared = await snapshot("shared");
    const bankB = await snapshot("bankB");
    const adminB = await snapshot("adminB");
    const before = await snapshot("imported");
    // Stored 结项报告 (lib/reports/snapshot.ts) of the bank, its cohort, and of the other bank.
    for (const owner of [
      { organisationId: orgs.CLOSEA! },
      { cohortId: cohorts.ca!.id },
      { organisationId: orgs.OTHERB! },
      { cohortId: cohorts.cb!.id },
    ])
      await t.db.reportSnapshot.create({ data: { ...owner, generatedAt: new Date(), data: { version: 1 } } });
    const r = await closeOrganisation(t.db, admin, orgs.CLOSEA!, "  CLOSEA 银行 ");
    expect(r).toEqual({ ok: true, erased: 2, kept: 1, learners: 3, cohorts: 1, certificates: 1 });

    const after = await snapshot("imported");
    expect(after).toMatchObject({
      name: `已删除学员-${users.imported!.id.slice(-6).toUpperCase()}`,
      email: null,
      mobile: null,
      employeeNo: null,
      branch: null,
      department: null,
      position: null,
      disabled: true,
      sessionVersion: before.sessionVersion + 1,
    });
    expect(after.erasedAt).not.toBeNull();
    expect(await verifyPassword("anything", after.passwordHash)).toBe(false);
    expect((await snapshot("selfJoined")).name).toMatch(/^已删除学员-/);
    const imported = users.imported!.id;
    expect(await t.db.certificate.findUniqueOrThrow({ where: { id: "cert-imported" } })).toMatchObject({
      name: after.name,
    });
    expect(await t.db.lessonProgress.count({ where: { userId: imported } })).toBe(1);
    expect(await t.db.attempt.count({ where: { userId: imported } })).toBe(1);
    expect(await t.db.cohortMember.count({ where: { cohortId: cohorts.ca!.id } })).toBe(3);
    expect(await t.db.rateLimitEvent.count({ where: { bucket: { contains: "imported@close.test" } } })).toBe(0);

    // A closed bank's report does not survive; the other bank's stays (its learner "shared" is kept).
    expect(
      await t.db.reportSnapshot.findMany({
        select: { organisationId: true, cohortId: true },
        orderBy: { organisationId: "asc" },
      }),
    ).toEqual([
      { organisationId: orgs.OTHERB!, cohortId: null },
      { organisationId: null, cohortId: cohorts.cb!.id },
    ]);

    expect(await snapshot("shared")).toEqual(shared);
    expect(await snapshot("bankB")).toEqual(bankB);
    expect(await snapshot("adminB")).toEqual(adminB);
    expect(await snapshot("adminA")).toMatchObject({ disabled: true });

    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: orgs.CLOSEA! } })).toMatchObject({
      closedLearners: 3,
      closedCohorts: 1,
      closedCertificates: 1,
    });
    const close = await t.db.auditEvent.findFirstOrThrow({ where: { action: "ORGANISATION_CLOSE" } });
    expect(close).toMatchObject({ target: orgs.CLOSEA!, rows: 2 });
    expect(close.detail).not.toContain("真名");
  });

  it("a closed bank's cohorts take nobody new, and nothing about the bank changes any more", async () => {
    expect(await findInvite(t.db, cohorts.ca!.inviteCode)).toEqual({ ok: false, code: "CLOSED" });
    expect((await findInvite(t.db, cohorts.cb!.inviteCode)).ok).toBe(true);
    expect(await createCohort(t.db, users.trainer!, { name: "新班", organisationId: orgs.CLOSEA! })).toBeNull();
    expect(await closeOrganisation(t.db, admin, orgs.CLOSEA!, "CLOSEA 银行")).toEqual({ ok: false, code: "CLOSED" });
    expect(await setOrganisationLogo(t.db, admin, orgs.CLOSEA!, null)).toEqual({ ok: false, code: "CLOSED" });
  });

  it("the retention job erases learners inactive longer than their banks keep them, and only those", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await org("RET30", 30);
    expect((await setTrainerAssignment(t.db, admin, orgs.RET30!, "trainer@close.test", true)).ok).toBe(true);
    cohorts.r = (await createCohort(t.db, users.trainer!, { name: "r", organisationId: orgs.RET30! }))!;
    await person("stale", "LEARNER", orgs.RET30!, ago(90));
    await join("stale", "r", ago(90));
    await t.db.lessonProgress.create({
      data: { userId: users.stale!.id, moduleSlug: "m1", lessonSlug: "a", completedAt: ago(40) },
    });
    await person("active", "LEARNER", orgs.RET30!, ago(90));
    await join("active", "r", ago(90));
    await t.db.attempt.create({
      data: { userId: users.active!.id, quizId: "qz", questionIds: [], startedAt: ago(10) },
    });
    // Also in OTHERB's cohort, which keeps people 365 days: the longer promise holds.
    await person("twoBanks", "LEARNER", orgs.RET30!, ago(90));
    await join("twoBanks", "r", ago(90));
    await join("twoBanks", "cb", ago(90));

    // Stored 结项报告 of the stale learner's cohort and bank (they may quote them) go with them.
    for (const owner of [{ organisationId: orgs.RET30! }, { cohortId: cohorts.r.id }])
      await t.db.reportSnapshot.create({ data: { ...owner, generatedAt: now, data: { version: 1 } } });

    expect(await countInactiveLearners(t.db, now)).toBe(1);
    expect(await purgeInactiveLearners(t.db, now)).toBe(1);
    expect(
      await t.db.reportSnapshot.count({ where: { OR: [{ organisationId: orgs.RET30! }, { cohortId: cohorts.r.id }] } }),
    ).toBe(0);
    // OTHERB's stays: none of its learners was erased.
    expect(await t.db.reportSnapshot.count({ where: { organisationId: orgs.OTHERB! } })).toBe(1);
    expect((await snapshot("stale")).name).toMatch(/^已删除学员-/);
    expect((await snapshot("active")).name).toBe("真名active");
    expect((await snapshot("twoBanks")).name).toBe("真名twoBanks");
    expect((await snapshot("shared")).name).toBe("真名shared");
    expect(await t.db.auditEvent.count({ where: { action: "LEARNER_PURGE", rows: 1 } })).toBe(1);
    expect(await purgeInactiveLearners(t.db, now)).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "LEARNER_PURGE" } })).toBe(1);
  });
});
