// Every way into authorize() passes through here (decision 0011): NextAuth also signs in at
// /api/auth/callback/credentials/<anything>, so the limits live inside the sign-in itself, not
// only in the route in front of it.
//   - 10 attempts a minute from one address (any accounts);
//   - 10 wrong passwords for one account from one address in 15 minutes: that address is refused
//     for that account, nobody else is;
//   - 50 wrong passwords for one account in an hour from anywhere: the account is "under attack"
//     and only a browser that signed in to it before (lib/auth/known-device.ts) gets in, with the
//     right password; an admin can lift it. An attacker cannot lock the owner out.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logSecurityEvent } from "@/lib/security/security-log";
import { isKnownDevice } from "./known-device";
import { countRecent, hitLimit, isLimited, LIMITS, recordEvent } from "./rate-limit";

export type SignInRefusal = "RATE_LIMITED" | "ACCOUNT_LOCKED";
export type SignInContext = { ip: string; cookie: string | null };

type Refusal = { code: SignInRefusal; reason: "per_address" | "account_from_address" | "account_locked" };

/** The three limits, in order; `overPerAddress` says whether the address is already over its own. */
async function refusalFor(
  db: PrismaClient,
  email: string | null,
  ctx: SignInContext,
  overPerAddress: boolean,
): Promise<Refusal | null> {
  if (overPerAddress) return { code: "RATE_LIMITED", reason: "per_address" };
  if (!email) return null;
  if (await isLimited(db, LIMITS.signInFailuresPerAccountIp(email, ctx.ip)))
    return { code: "RATE_LIMITED", reason: "account_from_address" };
  if ((await isLimited(db, LIMITS.signInFailuresPerAccount(email))) && !isKnownDevice(ctx.cookie, email))
    return { code: "ACCOUNT_LOCKED", reason: "account_locked" };
  return null;
}

/** Before the password is checked: counts the attempt and says whether it may go on. */
export async function admitSignIn(
  db: PrismaClient,
  email: string | null,
  ctx: SignInContext,
): Promise<SignInRefusal | null> {
  const refused = await refusalFor(db, email, ctx, await hitLimit(db, LIMITS.signInPerIp(ctx.ip)));
  if (refused?.code === "ACCOUNT_LOCKED") logSecurityEvent("signin_refused_locked", { ip: ctx.ip });
  else if (refused) logSecurityEvent("signin_refused_rate_limit", { ip: ctx.ip, reason: refused.reason });
  return refused?.code ?? null;
}

/** A wrong password (or no such account): counted per account-and-address and per account. */
export async function recordSignInFailure(
  db: PrismaClient,
  email: string,
  ctx: SignInContext,
  userId: string | null,
): Promise<void> {
  await recordEvent(db, LIMITS.signInFailuresPerAccountIp(email, ctx.ip));
  const perAccount = LIMITS.signInFailuresPerAccount(email);
  await recordEvent(db, perAccount);
  logSecurityEvent("signin_failed", { ip: ctx.ip, userId });
  if ((await countRecent(db, perAccount)) === perAccount.max) logSecurityEvent("account_locked", { userId });
}

/** The route's early answer (no counting): would this attempt be refused? */
export async function signInWouldBeRefused(
  db: PrismaClient,
  email: string | null,
  ctx: SignInContext,
): Promise<SignInRefusal | null> {
  return (await refusalFor(db, email, ctx, await isLimited(db, LIMITS.signInPerIp(ctx.ip))))?.code ?? null;
}
