// Sliding-window rate limits kept in PostgreSQL, so every app instance behind a load balancer
// counts the same events. One row per event. A bucket names what is counted through a keyed
// hash, never the typed email or the address itself, and rows older than the longest window
// are deleted as we go and by `npm run data:purge`.
import { createHmac } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Limit = { bucket: string; max: number; windowMs: number };

const HOUR = 3_600_000;
/** The longest window below: events older than this count for nothing. */
export const LONGEST_WINDOW_MS = HOUR;

const KEY = process.env.NEXTAUTH_SECRET ?? "course-rate-limit";
const tag = (kind: string, ...parts: string[]) =>
  `${kind}:${createHmac("sha256", KEY).update(parts.join("\0")).digest("base64url").slice(0, 22)}`;

export const LIMITS = {
  /** At most 10 sign-in attempts a minute from one address, whatever the accounts. */
  signInPerIp: (ip: string): Limit => ({ bucket: tag("signin-ip", ip), max: 10, windowMs: 60_000 }),
  /** At most 10 wrong passwords for one account from one address in 15 minutes. */
  signInFailuresPerAccountIp: (email: string, ip: string): Limit => ({
    bucket: tag("signin-fail-ip", email, ip),
    max: 10,
    windowMs: 15 * 60_000,
  }),
  /** 50 wrong passwords for one account in an hour, from anywhere: only known devices get in. */
  signInFailuresPerAccount: (email: string): Limit => ({ bucket: tag("signin-fail", email), max: 50, windowMs: HOUR }),
  /** At most 5 enquiries an hour from one address (counted in lib/enquiries/enquiries.ts). */
  enquiryPerIp: (ip: string): Limit => ({ bucket: tag("enquiry-ip", ip), max: 5, windowMs: HOUR }),
  /** At most 5 password-reset requests an hour from one address, whatever was typed. */
  resetRequestPerIp: (ip: string): Limit => ({ bucket: tag("reset-ip", ip), max: 5, windowMs: HOUR }),
  /** At most 3 reset mails an hour to one account: nobody can fill a learner's inbox. */
  resetMailPerAccount: (userId: string): Limit => ({ bucket: tag("reset-account", userId), max: 3, windowMs: HOUR }),
  /** At most 5 new accounts an hour from one address. */
  signUpPerIp: (ip: string): Limit => ({ bucket: tag("signup-ip", ip), max: 5, windowMs: HOUR }),
  /** At most 10 typed 签到 codes in 10 minutes per account: 6 digits are not guessed by trying. */
  checkInCodePerUser: (userId: string): Limit => ({
    bucket: tag("check-in-code", userId),
    max: 10,
    windowMs: 10 * 60_000,
  }),
};

export async function countRecent(db: PrismaClient, limit: Limit, now = new Date()): Promise<number> {
  return db.rateLimitEvent.count({
    where: { bucket: limit.bucket, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
  });
}

export async function isLimited(db: PrismaClient, limit: Limit): Promise<boolean> {
  return (await countRecent(db, limit)) >= limit.max;
}

export async function recordEvent(db: PrismaClient, limit: Limit): Promise<void> {
  await db.rateLimitEvent.create({ data: { bucket: limit.bucket }, select: { id: true } });
  // Keep the table small: now and then drop events older than the longest window.
  if (Math.random() < 0.02) await purgeRateLimitEvents(db);
}

/** Records an attempt and says whether it is over the limit (this attempt included). */
export async function hitLimit(db: PrismaClient, limit: Limit): Promise<boolean> {
  await recordEvent(db, limit);
  return (await countRecent(db, limit)) > limit.max;
}

/** Deletes events no window looks at any more; returns how many. */
export async function purgeRateLimitEvents(db: PrismaClient, now = new Date()): Promise<number> {
  const r = await db.rateLimitEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } },
  });
  return r.count;
}

/** An admin lifts an account's lock (its failure counts start again). */
export async function clearSignInFailures(db: Pick<PrismaClient, "rateLimitEvent">, email: string): Promise<number> {
  const r = await db.rateLimitEvent.deleteMany({ where: { bucket: LIMITS.signInFailuresPerAccount(email).bucket } });
  return r.count;
}

/** Which of these sign-in keys (lib/auth/sign-in-account.ts) are locked to new devices right now. */
export async function lockedSignInKeys(db: PrismaClient, keys: string[], now = new Date()): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const limitOf = new Map(keys.map((k) => [LIMITS.signInFailuresPerAccount(k).bucket, k]));
  const any = LIMITS.signInFailuresPerAccount(keys[0]!);
  const counts = await db.rateLimitEvent.groupBy({
    by: ["bucket"],
    where: { bucket: { in: [...limitOf.keys()] }, createdAt: { gt: new Date(now.getTime() - any.windowMs) } },
    _count: { _all: true },
  });
  return new Set(counts.filter((c) => c._count._all >= any.max).map((c) => limitOf.get(c.bucket)!));
}
