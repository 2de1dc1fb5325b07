// One-time links that set a password: ACTIVATE (an imported learner's first password, 7 days)
// and RESET (a new password, 24 hours). The token is 256 random bits in the link; the database
// keeps only its sha256, so neither a database copy nor the audit trail yields a working link.
// A link works once: the claim is a conditional UPDATE, so two submits at the same moment (a
// double click, two tabs) set the password once. Issuing a link retires the holder's older
// links of the same purpose: only the newest printed notice or mail works.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OneTimeLinkPurpose } from "@/lib/generated/prisma/enums";
import { hashPassword, UNUSABLE_PASSWORD_PREFIX } from "./password";
import { passwordProblem, type PasswordProblem } from "./password-policy";

const HOUR = 3_600_000;
export const LINK_LIFETIME_MS: Record<OneTimeLinkPurpose, number> = { ACTIVATE: 7 * 24 * HOUR, RESET: 24 * HOUR };

/** 32 random bytes as base64url: 43 characters, short enough for a QR code a phone reads at a glance. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function linkExpiry(purpose: OneTimeLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
}

/** The public page a link opens. */
export function linkPath(purpose: OneTimeLinkPurpose, token: string): string {
  return `${purpose === "ACTIVATE" ? "/activate" : "/reset-password"}/${token}`;
}

export type IssuedLink = { userId: string; token: string; expiresAt: Date };

/**
 * New links for these users (one each), retiring their older unused links of the purpose.
 * Pass the transaction that also records the audit event (or queues the mail).
 */
export async function issueLinks(
  tx: Prisma.TransactionClient,
  userIds: string[],
  purpose: OneTimeLinkPurpose,
  issuedById: string | null,
  now = new Date(),
): Promise<IssuedLink[]> {
  if (userIds.length === 0) return [];
  await tx.oneTimeLink.updateMany({
    where: { userId: { in: userIds }, purpose, usedAt: null, retiredAt: null },
    data: { retiredAt: now },
  });
  const expiresAt = linkExpiry(purpose, now);
  const issued = userIds.map((userId) => ({ userId, token: newLinkToken(), expiresAt }));
  await tx.oneTimeLink.createMany({
    data: issued.map((l) => ({
      tokenHash: hashLinkToken(l.token),
      purpose,
      userId: l.userId,
      expiresAt,
      issuedById,
      createdAt: now,
    })),
  });
  return issued;
}

/** Why a link cannot be used; the page tells the learner what to do about each. */
export type LinkProblem = "UNKNOWN" | "USED" | "REPLACED" | "EXPIRED" | "ACCOUNT_DISABLED" | "ALREADY_ACTIVE";

const holderSelect = {
  id: true,
  name: true,
  email: true,
  employeeNo: true,
  mobile: true,
  disabled: true,
  passwordHash: true,
  organisation: { select: { name: true, code: true } },
} as const;

export type LinkHolder = {
  id: string;
  name: string;
  email: string | null;
  employeeNo: string | null;
  mobile: string | null;
  organisation: { name: string; code: string } | null;
};

export type LinkCheck =
  { ok: true; linkId: string; expiresAt: Date; holder: LinkHolder } | { ok: false; code: LinkProblem };

/** What a link is, for the page it opens. A link of the other purpose is as unknown as a made-up one. */
export async function inspectLink(
  db: PrismaClient | Prisma.TransactionClient,
  token: string,
  purpose: OneTimeLinkPurpose,
  now = new Date(),
): Promise<LinkCheck> {
  if (!TOKEN.test(token)) return { ok: false, code: "UNKNOWN" };
  const link = await db.oneTimeLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, purpose: true, expiresAt: true, usedAt: true, retiredAt: true, user: { select: holderSelect } },
  });
  if (!link || link.purpose !== purpose) return { ok: false, code: "UNKNOWN" };
  if (link.usedAt) return { ok: false, code: "USED" };
  if (link.retiredAt) return { ok: false, code: "REPLACED" };
  if (link.expiresAt <= now) return { ok: false, code: "EXPIRED" };
  const { disabled, passwordHash, ...holder } = link.user;
  if (disabled) return { ok: false, code: "ACCOUNT_DISABLED" };
  if (purpose === "ACTIVATE" && !passwordHash.startsWith(UNUSABLE_PASSWORD_PREFIX))
    return { ok: false, code: "ALREADY_ACTIVE" };
  return { ok: true, linkId: link.id, expiresAt: link.expiresAt, holder };
}

export type SetPasswordResult =
  | { ok: true; userId: string }
  | { ok: false; code: LinkProblem }
  | { ok: false; code: "WEAK_PASSWORD"; problem: PasswordProblem };

class LostRace extends Error {}

/**
 * Sets the holder's password and uses the link up, in one transaction. Every session of the
 * holder ends (their JWTs carry the old session version): a reset is often asked for because
 * someone else may know the old password.
 */
export async function setPasswordWithLink(
  db: PrismaClient,
  token: string,
  purpose: OneTimeLinkPurpose,
  password: string,
  now = new Date(),
): Promise<SetPasswordResult> {
  const check = await inspectLink(db, token, purpose, now);
  if (!check.ok) return check;
  const weak = passwordProblem(password, check.holder.email ?? undefined);
  if (weak) return { ok: false, code: "WEAK_PASSWORD", problem: weak };
  // Hashed before the transaction: scrypt takes ~100 ms, no lock should wait for it.
  const passwordHash = await hashPassword(password);
  try {
    await db.$transaction(async (tx) => {
      // The claim: of two concurrent submits, the second waits for the first's row lock, then
      // finds usedAt set and updates nothing.
      const claimed = await tx.oneTimeLink.updateMany({
        where: { id: check.linkId, usedAt: null, retiredAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new LostRace();
      const updated = await tx.user.updateMany({
        where: {
          id: check.holder.id,
          disabled: false,
          ...(purpose === "ACTIVATE" ? { passwordHash: { startsWith: UNUSABLE_PASSWORD_PREFIX } } : {}),
        },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
      if (updated.count !== 1) throw new LostRace();
    });
  } catch (err) {
    if (!(err instanceof LostRace)) throw err;
    // Someone else got there first (or the account changed meanwhile): say what the link is now.
    const now2 = await inspectLink(db, token, purpose, now);
    return now2.ok ? { ok: false, code: "USED" } : now2;
  }
  return { ok: true, userId: check.holder.id };
}
