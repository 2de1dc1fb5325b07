// Activation and reset links on PostgreSQL: single use under concurrent submits, expiry, newer
// links retiring older ones, a reset ending every session, who may be given a link, and the reset
// mail going through the outbox to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  issueCohortActivationLinks,
  issueLearnerLink,
  listNotActivated,
  requestPasswordReset,
} from "@/lib/auth/account-links";
import { inspectLink, issueLinks, setPasswordWithLink } from "@/lib/auth/one-time-links";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { smtpMailer } from "@/lib/enquiries/notify";
import { drainMail, enqueueMail } from "@/lib/mail/queue";
import { applyRosterImport } from "@/lib/roster/import";
import { ROSTER_HEADERS, validateRoster } from "@/lib/roster/validate";
import { testOrganisationId } from "../support/organisations";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";
import { decodeBody, startSmtp } from "../support/smtp-server";

const DAY = 24 * 3_600_000;
const GOOD = "晨跑之后喝豆浆2026";

describe.skipIf(noPostgres)(`one-time links on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let t: PostgresTestDb;
  let cohortId = "";
  let trainer = { id: "", name: "培训师 周" };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createPostgresTestDb(12);
    const organisationId = await testOrganisationId(t.db, "PAB");
    const tr = await t.db.user.create({
      data: { email: "t@r.cn", name: trainer.name, passwordHash: "x", role: "TRAINER" },
      select: { id: true },
    });
    trainer = { ...trainer, id: tr.id };
    const c = await t.db.cohort.create({
      data: { name: "开通班", inviteCode: "LINK0001", trainerId: tr.id, organisationId },
      select: { id: true },
    });
    cohortId = c.id;
    const check = validateRoster([
      [...ROSTER_HEADERS],
      ["王敏", "1001", "13800138000", "wang.min@pab.cn", "上海分行", "信用卡部", ""],
      ["李雷", "1002", "", "", "杭州分行", "", ""],
      ["韩梅梅", "1003", "", "", "杭州分行", "", ""],
      ["赵强", "1004", "", "", "南京分行", "", ""],
    ]);
    if (!check.ok) throw new Error(check.code);
    const imported = await applyRosterImport(t.db, trainer, { id: cohortId, organisationId }, check.rows);
    expect(imported).toMatchObject({ ok: true, created: 4 });
    for (const u of await t.db.user.findMany({ where: { organisationId }, select: { id: true, employeeNo: true } }))
      ids[u.employeeNo!] = u.id;
  });
  afterAll(() => t?.close());

  const passwordOf = async (id: string) =>
    (await t.db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

  it("issues activation links for the cohort's imported learners, audited with the count", async () => {
    const pending = await listNotActivated(t.db, cohortId);
    expect(pending.map((l) => l.status)).toEqual(["NONE", "NONE", "NONE", "NONE"]);
    const r = await issueCohortActivationLinks(t.db, trainer, cohortId, "pending");
    if (!r.ok) throw new Error(r.code);
    expect(r.links).toHaveLength(4);
    expect((await listNotActivated(t.db, cohortId)).every((l) => l.status === "VALID")).toBe(true);
    // Nobody left without a working link: "pending" issues nothing and records nothing.
    expect(await issueCohortActivationLinks(t.db, trainer, cohortId, "pending")).toEqual({
      ok: false,
      code: "NONE_TO_ISSUE",
    });
    const events = await t.db.auditEvent.findMany({
      where: { action: "ACTIVATION_LINKS_ISSUE" },
      select: { actorId: true, target: true, rows: true },
    });
    expect(events).toEqual([{ actorId: trainer.id, target: cohortId, rows: 4 }]);
    // Only hashes are stored.
    const stored = await t.db.oneTimeLink.findMany({ select: { tokenHash: true } });
    for (const l of r.links) expect(stored.map((s) => s.tokenHash)).not.toContain(l.token);
  });

  it("sets the password once when the same link is submitted twice at the same moment", async () => {
    const r = await issueCohortActivationLinks(t.db, trainer, cohortId, "all");
    if (!r.ok) throw new Error(r.code);
    const wang = r.links.find((l) => l.employeeNo === "1001")!;
    const results = await Promise.all([
      setPasswordWithLink(t.db, wang.token, "ACTIVATE", `${GOOD}甲`),
      setPasswordWithLink(t.db, wang.token, "ACTIVATE", `${GOOD}乙`),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, code: "USED" }]);
    const winner = results[0]!.ok ? `${GOOD}甲` : `${GOOD}乙`;
    const loser = results[0]!.ok ? `${GOOD}乙` : `${GOOD}甲`;
    const hash = await passwordOf(ids["1001"]!);
    expect(await verifyPassword(winner, hash)).toBe(true);
    expect(await verifyPassword(loser, hash)).toBe(false);
    expect(await inspectLink(t.db, wang.token, "ACTIVATE")).toEqual({ ok: false, code: "USED" });
    expect((await listNotActivated(t.db, cohortId)).map((l) => l.employeeNo)).not.toContain("1001");
  });

  it("refuses a link of the other purpose, a made-up one, a weak password, and an expired link", async () => {
    const r = await issueCohortActivationLinks(t.db, trainer, cohortId, "all");
    if (!r.ok) throw new Error(r.code);
    const li = r.links.find((l) => l.employeeNo === "1002")!;
    expect(await inspectLink(t.db, li.token, "RESET")).toEqual({ ok: false, code: "UNKNOWN" });
    expect(await inspectLink(t.db, "x".repeat(43), "ACTIVATE")).toEqual({ ok: false, code: "UNKNOWN" });
    expect(await inspectLink(t.db, "not a token", "ACTIVATE")).toEqual({ ok: false, code: "UNKNOWN" });
    expect(await setPasswordWithLink(t.db, li.token, "ACTIVATE", "password123")).toEqual({
      ok: false,
      code: "WEAK_PASSWORD",
      problem: "COMMON",
    });
    // The weak attempt did not use the link up.
    expect((await inspectLink(t.db, li.token, "ACTIVATE")).ok).toBe(true);

    // Issued eight days ago: a seven-day link is dead, and changes nothing.
    const [old] = await t.db.$transaction((tx) =>
      issueLinks(tx, [ids["1003"]!], "ACTIVATE", trainer.id, new Date(Date.now() - 8 * DAY)),
    );
    expect(await inspectLink(t.db, old!.token, "ACTIVATE")).toEqual({ ok: false, code: "EXPIRED" });
    const before = await passwordOf(ids["1003"]!);
    expect(await setPasswordWithLink(t.db, old!.token, "ACTIVATE", GOOD)).toEqual({ ok: false, code: "EXPIRED" });
    expect(await passwordOf(ids["1003"]!)).toBe(before);
    expect((await listNotActivated(t.db, cohortId)).find((l) => l.employeeNo === "1003")?.status).toBe("EXPIRED");
  });

  it("retires the older link when a new one of the same purpose is issued", async () => {
    const first = await issueLearnerLink(t.db, trainer, cohortId, ids["1004"]!);
    const second = await issueLearnerLink(t.db, trainer, cohortId, ids["1004"]!);
    if (!first.ok || !second.ok) throw new Error("not issued");
    expect(first.purpose).toBe("ACTIVATE");
    expect(await inspectLink(t.db, first.token, "ACTIVATE")).toEqual({ ok: false, code: "REPLACED" });
    expect(await setPasswordWithLink(t.db, first.token, "ACTIVATE", GOOD)).toEqual({ ok: false, code: "REPLACED" });
    expect(await setPasswordWithLink(t.db, second.token, "ACTIVATE", GOOD)).toEqual({
      ok: true,
      userId: ids["1004"],
    });
  });

  it("a reset link sets a new password and ends every session; it is audited", async () => {
    const id = ids["1004"]!;
    const before = await t.db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
    const link = await issueLearnerLink(t.db, trainer, cohortId, id);
    if (!link.ok) throw new Error(link.code);
    expect(link.purpose).toBe("RESET");
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(DAY - 60_000);
    // An activation link for an account that has a password says so.
    const [stale] = await t.db.$transaction((tx) => issueLinks(tx, [id], "ACTIVATE", trainer.id));
    expect(await inspectLink(t.db, stale!.token, "ACTIVATE")).toEqual({ ok: false, code: "ALREADY_ACTIVE" });

    expect(await setPasswordWithLink(t.db, link.token, "RESET", `${GOOD}新`)).toEqual({ ok: true, userId: id });
    const after = await t.db.user.findUniqueOrThrow({
      where: { id },
      select: { sessionVersion: true, passwordHash: true },
    });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(`${GOOD}新`, after.passwordHash)).toBe(true);
    expect(await verifyPassword(GOOD, after.passwordHash)).toBe(false);
    expect(
      await t.db.auditEvent.count({ where: { action: "RESET_LINK_ISSUE", target: id, actorId: trainer.id } }),
    ).toBe(1);
  });

  it("gives no link for someone outside the cohort, nor for a disabled account", async () => {
    const outsider = await t.db.user.create({
      data: { email: "o@x.cn", name: "外人", passwordHash: await hashPassword(GOOD) },
      select: { id: true },
    });
    expect(await issueLearnerLink(t.db, trainer, cohortId, outsider.id)).toEqual({ ok: false, code: "NOT_IN_COHORT" });
    expect(await issueLearnerLink(t.db, trainer, cohortId, trainer.id)).toEqual({ ok: false, code: "NOT_IN_COHORT" });
    await t.db.user.update({ where: { id: ids["1003"]! }, data: { disabled: true } });
    expect(await issueLearnerLink(t.db, trainer, cohortId, ids["1003"]!)).toEqual({
      ok: false,
      code: "ACCOUNT_DISABLED",
    });
    await t.db.user.update({ where: { id: ids["1003"]! }, data: { disabled: false } });
  });

  it("mails a requested reset link through the outbox to a real SMTP server; the link works once", async () => {
    const smtp = await startSmtp();
    try {
      const site = "https://course.example.cn";
      // Typed as a 手机: the account is found and mailed at its email.
      expect(await requestPasswordReset(t.db, "138 0013 8000", site)).toBe("QUEUED");
      // Nothing is sent inline: the mail waits in the outbox.
      expect(smtp.received).toHaveLength(0);
      expect(await t.db.outboundMail.count({ where: { state: "PENDING" } })).toBe(1);
      expect(await drainMail(t.db, smtpMailer(`smtp://127.0.0.1:${smtp.port}`), "培训平台 <no-reply@x.cn>")).toEqual({
        sent: 1,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual(["wang.min@pab.cn"]);
      const text = decodeBody(smtp.received[0]!.data);
      expect(text).toContain("王敏，您好");
      const token = /https:\/\/course\.example\.cn\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
      expect(token).toBeTruthy();
      // Sent: the outbox no longer holds the working link.
      const row = await t.db.outboundMail.findFirstOrThrow({ select: { state: true, text: true } });
      expect(row).toEqual({ state: "SENT", text: "" });
      expect(await setPasswordWithLink(t.db, token!, "RESET", `${GOOD}邮`)).toMatchObject({ ok: true });
      expect(await setPasswordWithLink(t.db, token!, "RESET", `${GOOD}邮`)).toEqual({ ok: false, code: "USED" });
    } finally {
      await new Promise<void>((r) => smtp.server.close(() => r()));
    }
  });

  it("queues nothing for an unknown account or one without email, and at most 3 mails an hour per account", async () => {
    const site = "https://course.example.cn";
    const queued = () => t.db.outboundMail.count();
    const start = await queued();
    expect(await requestPasswordReset(t.db, "nobody@pab.cn", site)).toBe("NO_ACCOUNT");
    expect(await requestPasswordReset(t.db, "PAB-1002", site)).toBe("NO_EMAIL");
    expect(await queued()).toBe(start);
    expect(await requestPasswordReset(t.db, "wang.min@pab.cn", site)).toBe("QUEUED");
    expect(await requestPasswordReset(t.db, "wang.min@pab.cn", site)).toBe("QUEUED");
    // The mail above counted too: the 4th request within the hour is dropped.
    expect(await requestPasswordReset(t.db, "PAB-1001", site)).toBe("LIMITED");
    expect(await queued()).toBe(start + 2);
  });

  it("discards a queued link mail whose link has expired instead of sending it", async () => {
    await t.db.outboundMail.updateMany({ data: { state: "SENT" } });
    await enqueueMail(t.db, { to: "a@pab.cn", subject: "重置密码链接", text: "链接", discardAfter: new Date() });
    const sent: string[] = [];
    const result = await drainMail(
      t.db,
      { send: async (m) => void sent.push(m.to) },
      "x <x@x.cn>",
      new Date(Date.now() + 1000),
    );
    expect(result).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([]);
    expect(
      await t.db.outboundMail.findFirstOrThrow({ where: { to: "a@pab.cn" }, select: { state: true, text: true } }),
    ).toEqual({ state: "DISCARDED", text: "" });
  });
});
