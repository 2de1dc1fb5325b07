// Counting how often the exam page was hidden (tab or app switch, screen off) while an attempt was
// open. Only a number shown to the trainer beside the score: a learner answering a WeChat message
// is not cheating, so nothing is failed or flagged automatically (docs/decisions/0029).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One hide counts once: the browser reports it twice or more (visibilitychange, pagehide), and a
 * script posting in a loop must not grow the number or the load. */
export const HIDE_THROTTLE_MS = 3_000;

/** Counts a hide on the learner's own open attempt. Nothing for anyone else's or a finished one. */
export async function recordPageHidden(db: PrismaClient, userId: string, attemptId: string, now: Date = new Date()) {
  const counted = await db.$executeRaw`
    UPDATE "Attempt" SET "visibilityChanges" = "visibilityChanges" + 1, "lastHiddenAt" = ${now}
    WHERE id = ${attemptId} AND "userId" = ${userId} AND "submittedAt" IS NULL
      AND ("lastHiddenAt" IS NULL OR "lastHiddenAt" < ${new Date(now.getTime() - HIDE_THROTTLE_MS)})`;
  if (counted === 1) return { ok: true as const, counted: true };
  const own = await db.attempt.count({ where: { id: attemptId, userId, submittedAt: null } });
  return own ? { ok: true as const, counted: false } : { ok: false as const, code: "NOT_FOUND" as const };
}
