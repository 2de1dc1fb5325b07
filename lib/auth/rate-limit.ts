// Sliding-window rate limits kept in PostgreSQL, so every app instance behind a load balancer
// counts the same events. One row per event; old rows are pruned as we go.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Limit = { bucket: string; max: number; windowMs: number };

export const LIMITS = {
  /** At most 10 sign-in attempts a minute from one IP address. */
  signInPerIp: (ip: string): Limit => ({ bucket: `signin-ip:${ip}`, max: 10, windowMs: 60_000 }),
  /** At most 100 failed sign-ins an hour against one account. */
  signInFailuresPerAccount: (email: string): Limit => ({
    bucket: `signin-fail:${email}`,
    max: 100,
    windowMs: 3_600_000,
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
  // Keep the table small: now and then drop events older than the longest window (an hour).
  if (Math.random() < 0.02) {
    await db.rateLimitEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 3_600_000) } } });
  }
}

/** Records an attempt and says whether it is over the limit (this attempt included). */
export async function hitLimit(db: PrismaClient, limit: Limit): Promise<boolean> {
  await recordEvent(db, limit);
  return (await countRecent(db, limit)) > limit.max;
}
