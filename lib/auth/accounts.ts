// Account changes. Each takes the Prisma client, so the app, scripts, seeds and integration tests
// share the same code. Field errors come back in Chinese, keyed like the form fields.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { findInvite } from "@/lib/cohorts/cohorts";
import { hashPassword, verifyPassword } from "./password";
import { clearSignInFailures } from "./rate-limit";
import { signInKeyOf } from "./identifier";
import { ROLE_LABELS } from "./roles";
import { nameSortKey } from "@/lib/sorting/pinyin";
import { INVITE_PROBLEM_MESSAGES } from "./schemas";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from "./password-policy";

export type Result<T> =
  { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string>; code?: "EMAIL_TAKEN" };

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

export async function createAccount(
  db: PrismaClient,
  input: { name: string; email: string; password: string; inviteCode?: string; role?: Role },
): Promise<Result<{ id: string }>> {
  const invite = input.inviteCode ? await findInvite(db, input.inviteCode) : null;
  if (invite && !invite.ok) return { ok: false, fieldErrors: { inviteCode: INVITE_PROBLEM_MESSAGES[invite.code] } };
  const cohort = invite?.ok ? invite.cohort : null;
  const weak = passwordProblem(input.password, input.email);
  if (weak) return { ok: false, fieldErrors: { password: PASSWORD_PROBLEM_MESSAGES[weak] } };
  const passwordHash = await hashPassword(input.password);
  try {
    // One transaction: the account and its cohort membership exist together or not at all.
    const user = await db.user.create({
      data: {
        name: input.name,
        nameSortKey: nameSortKey(input.name),
        email: input.email,
        passwordHash,
        role: input.role ?? "LEARNER",
        memberships: cohort ? { create: { cohortId: cohort.id } } : undefined,
      },
      select: { id: true },
    });
    return { ok: true, value: user };
  } catch (err) {
    if (isUniqueViolation(err))
      return { ok: false, code: "EMAIL_TAKEN", fieldErrors: { email: "该邮箱已注册，请直接登录" } };
    throw err;
  }
}

/** Ends every session of the user on its next request (their JWTs carry the old version). */
export async function endSessions(db: PrismaClient, userId: string) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}

export async function changePassword(
  db: PrismaClient,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<Result<null>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    return { ok: false, fieldErrors: { currentPassword: "当前密码不正确" } };
  }
  if (currentPassword === newPassword) return { ok: false, fieldErrors: { newPassword: "新密码不能与当前密码相同" } };
  const weak = passwordProblem(newPassword, user.email ?? undefined);
  if (weak) return { ok: false, fieldErrors: { newPassword: PASSWORD_PROBLEM_MESSAGES[weak] } };
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { id: true },
  });
  return { ok: true, value: null };
}

export async function updateProfile(db: PrismaClient, userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name, nameSortKey: nameSortKey(name) }, select: { id: true } });
}

/** Admin changes: role and/or disabled. Either ends the user's sessions, and goes in the audit trail. */
export async function updateUserAccess(
  db: PrismaClient,
  actor: Actor & { id: string },
  userId: string,
  change: { role?: Role; disabled?: boolean },
): Promise<Result<null>> {
  if (actor.id === userId) return { ok: false, fieldErrors: { form: "不能修改自己的角色或停用自己的账号" } };
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabled: true } });
    if (!found) return { ok: false, fieldErrors: { form: "用户不存在" } };
    const changes = [
      change.role !== undefined && change.role !== found.role
        ? `角色：${ROLE_LABELS[found.role]} → ${ROLE_LABELS[change.role]}`
        : null,
      change.disabled !== undefined && change.disabled !== found.disabled
        ? change.disabled
          ? "停用账号"
          : "恢复账号"
        : null,
    ].filter((c): c is string => c !== null);
    await tx.user.update({
      where: { id: userId },
      data: { ...change, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "USER_ACCESS_CHANGE",
      target: userId,
      detail: changes.join(";") || "未改变角色或状态（重新登录）",
      rows: 1,
    });
    return { ok: true, value: null };
  });
}

/**
 * An admin lifts the lock that fifty wrong passwords put on an account (decision 0011): its
 * failure count starts again, so the owner can sign in from a new device. Audited.
 */
export async function unlockSignIn(
  db: PrismaClient,
  actor: Actor & { id: string },
  userId: string,
): Promise<Result<{ cleared: number }>> {
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!found) return { ok: false, fieldErrors: { form: "用户不存在" } };
    const cleared = await clearSignInFailures(tx, signInKeyOf(found));
    await recordAudit(tx, actor, {
      action: "USER_ACCESS_CHANGE",
      target: userId,
      detail: "解除登录锁定",
      rows: 1,
    });
    return { ok: true, value: { cleared } };
  });
}
