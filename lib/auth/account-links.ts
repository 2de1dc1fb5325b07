// Who gets a one-time link, and who may hand one out. A trainer (or an admin) issues activation
// links for the imported learners of a cohort they can see, and a reset link for one learner of
// such a cohort; the caller has already checked the cohort through lib/organisations/scope.ts.
// Issuing is audited with ids and counts only. A learner who forgot their password asks for a
// reset by mail; the answer never says whether the account exists (the caller words it once).
// Nobody but the learner ever chooses or sees a password.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OneTimeLinkPurpose } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { formatDateTime } from "@/lib/format/beijing-time";
import { enqueueMail } from "@/lib/mail/queue";
import { issueLinks, linkPath } from "./one-time-links";
import { NOT_ACTIVATED, UNUSABLE_PASSWORD_PREFIX } from "./password";
import { hitLimit, LIMITS } from "./rate-limit";
import { lookUpSignIn } from "./sign-in-account";

export type SignInId = { kind: "employee" | "mobile" | "email"; value: string };

/**
 * What a learner types to sign in, as printed on their notice: the 工号 with the bank's code
 * (always unambiguous, decision 0016), else the 手机, else the email.
 */
export function signInIdOf(u: {
  employeeNo: string | null;
  mobile: string | null;
  email: string | null;
  organisation: { code: string } | null;
}): SignInId | null {
  if (u.employeeNo)
    return { kind: "employee", value: u.organisation ? `${u.organisation.code}-${u.employeeNo}` : u.employeeNo };
  if (u.mobile) return { kind: "mobile", value: u.mobile };
  if (u.email) return { kind: "email", value: u.email };
  return null;
}

/** "张*", "欧阳*锋": enough for the holder to recognise, not enough to learn a name from a found link. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

const learnerSelect = {
  id: true,
  name: true,
  employeeNo: true,
  mobile: true,
  email: true,
  branch: true,
  department: true,
  organisation: { select: { name: true, code: true } },
} as const;

/** Whether the account has set a password (imported accounts have not, until activation). */
export async function isActivated(db: PrismaClient, userId: string): Promise<boolean> {
  const found = await db.user.count({ where: { id: userId, NOT: NOT_ACTIVATED } });
  return found > 0;
}

export type LinkStatus = "NONE" | "VALID" | "EXPIRED";

/** The cohort's learners who have not set a password yet, with where their newest activation link stands. */
export async function listNotActivated(
  db: PrismaClient | Prisma.TransactionClient,
  cohortId: string,
  now = new Date(),
) {
  const rows = await db.user.findMany({
    where: { ...NOT_ACTIVATED, role: "LEARNER", memberships: { some: { cohortId } } },
    orderBy: [{ branch: "asc" }, { department: "asc" }, { nameSortKey: "asc" }, { id: "asc" }],
    select: {
      ...learnerSelect,
      oneTimeLinks: {
        where: { purpose: "ACTIVATE", retiredAt: null, usedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true, createdAt: true },
      },
    },
  });
  return rows.map(({ oneTimeLinks, ...learner }) => {
    const link = oneTimeLinks[0] ?? null;
    const status: LinkStatus = !link ? "NONE" : link.expiresAt > now ? "VALID" : "EXPIRED";
    return { ...learner, status, issuedAt: link?.createdAt ?? null, expiresAt: link?.expiresAt ?? null };
  });
}

export type NotActivatedLearner = Awaited<ReturnType<typeof listNotActivated>>[number];

/** pending: learners without a working link; all: every learner not yet activated (older notices stop working). */
export type ActivationScope = "pending" | "all";

export type IssuedFor = Omit<NotActivatedLearner, "status" | "issuedAt" | "expiresAt"> & {
  token: string;
  expiresAt: Date;
};

export async function issueCohortActivationLinks(
  db: PrismaClient,
  actor: Actor & { id: string },
  cohortId: string,
  scope: ActivationScope,
  now = new Date(),
): Promise<{ ok: true; links: IssuedFor[] } | { ok: false; code: "NONE_TO_ISSUE" }> {
  const result = await db.$transaction(async (tx) => {
    const learners = (await listNotActivated(tx, cohortId, now)).filter((l) => scope === "all" || l.status !== "VALID");
    if (learners.length === 0) return null;
    const issued = await issueLinks(
      tx,
      learners.map((l) => l.id),
      "ACTIVATE",
      actor.id,
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "ACTIVATION_LINKS_ISSUE",
        target: cohortId,
        detail: scope === "all" ? "全部未开通学员（此前的开通链接作废）" : "尚未发放或已过期的学员",
        rows: issued.length,
      },
      now,
    );
    return learners.map(({ status: _s, issuedAt: _i, expiresAt: _e, ...l }, i) => ({
      ...l,
      token: issued[i]!.token,
      expiresAt: issued[i]!.expiresAt,
    }));
  });
  return result ? { ok: true, links: result } : { ok: false, code: "NONE_TO_ISSUE" };
}

export type LearnerLinkProblem = "NOT_IN_COHORT" | "ACCOUNT_DISABLED";

/**
 * A link for one learner of the cohort: an activation link while they have never set a password,
 * else a reset link. Shown once to the trainer, who passes it on (chat, in person).
 */
export async function issueLearnerLink(
  db: PrismaClient,
  actor: Actor & { id: string },
  cohortId: string,
  learnerId: string,
  now = new Date(),
): Promise<
  | { ok: true; purpose: OneTimeLinkPurpose; token: string; expiresAt: Date; learner: { name: string } }
  | { ok: false; code: LearnerLinkProblem }
> {
  const learner = await db.user.findFirst({
    where: { id: learnerId, role: "LEARNER", memberships: { some: { cohortId } } },
    select: { id: true, name: true, disabled: true, passwordHash: true },
  });
  if (!learner) return { ok: false, code: "NOT_IN_COHORT" };
  if (learner.disabled) return { ok: false, code: "ACCOUNT_DISABLED" };
  const purpose: OneTimeLinkPurpose = learner.passwordHash.startsWith(UNUSABLE_PASSWORD_PREFIX) ? "ACTIVATE" : "RESET";
  const [link] = await db.$transaction(async (tx) => {
    const issued = await issueLinks(tx, [learner.id], purpose, actor.id, now);
    await recordAudit(
      tx,
      actor,
      purpose === "ACTIVATE"
        ? { action: "ACTIVATION_LINKS_ISSUE", target: cohortId, detail: `单个学员 ${learner.id}`, rows: 1 }
        : { action: "RESET_LINK_ISSUE", target: learner.id, detail: `班级 ${cohortId}`, rows: 1 },
      now,
    );
    return issued;
  });
  return { ok: true, purpose, token: link!.token, expiresAt: link!.expiresAt, learner: { name: learner.name } };
}

export type ResetRequestOutcome = "QUEUED" | "NO_ACCOUNT" | "NO_EMAIL" | "ACCOUNT_DISABLED" | "LIMITED";

export function composeResetMail(name: string, url: string, expiresAt: Date) {
  return {
    subject: "重置密码链接",
    text: [
      `${name}，您好：`,
      "",
      "我们收到了为您的学习账号重置密码的请求。请打开下面的链接设置新密码（只能使用一次）：",
      "",
      url,
      "",
      `有效期至：${formatDateTime(expiresAt)}（北京时间）`,
      "设置新密码后，您在所有设备上的登录都会退出，请用新密码重新登录。",
      "",
      "如果不是您本人申请，请忽略本邮件，您的密码不会改变。",
    ].join("\n"),
  };
}

/**
 * A learner asks for a reset link by mail (email, 手机 or 工号 typed). Queued in the outbox with the
 * link, in one transaction; the outcome is for tests and logs, never for the person asking.
 */
export async function requestPasswordReset(
  db: PrismaClient,
  identifier: string,
  siteUrl: string,
  now = new Date(),
): Promise<ResetRequestOutcome> {
  const { account } = await lookUpSignIn(db, identifier);
  if (!account) return "NO_ACCOUNT";
  if (account.disabled) return "ACCOUNT_DISABLED";
  if (!account.email) return "NO_EMAIL";
  if (await hitLimit(db, LIMITS.resetMailPerAccount(account.id))) return "LIMITED";
  const email = account.email;
  await db.$transaction(async (tx) => {
    const [link] = await issueLinks(tx, [account.id], "RESET", null, now);
    const mail = composeResetMail(account.name, `${siteUrl}${linkPath("RESET", link!.token)}`, link!.expiresAt);
    await enqueueMail(tx, { to: email, ...mail, discardAfter: link!.expiresAt }, now);
  });
  return "QUEUED";
}
