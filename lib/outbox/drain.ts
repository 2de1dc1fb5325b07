// The one claim-send-retry loop behind the app's three outboxes: enquiry notifications
// (lib/enquiries/notify.ts), mail to people (lib/mail/queue.ts) and 企业微信 group-robot posts
// (lib/reminders/webhook.ts). Rows are written in the same transaction as what they announce
// (decision 0007); here due rows are claimed by pushing their next attempt out by a lease with
// FOR UPDATE SKIP LOCKED, so two app instances never send the same row and a sender that dies
// mid-way leaves its rows to be picked up when the lease runs out. A row is marked SENT only after
// the other side took it; a failure schedules a retry with back-off, forever.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** The outbox tables and their key column. Table names are never taken from input. */
const KEYS = { EnquiryNotification: "enquiryId", OutboundMail: "id", WebhookPost: "id" } as const;
export type OutboxTable = keyof typeof KEYS;

const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/** Minutes to wait after the n-th failed attempt: 1, 2, 5, 10, 30, then hourly. Never gives up. */
function retryDelayMinutes(attempts: number): number {
  return [1, 2, 5, 10, 30][attempts - 1] ?? 60;
}

export type Delivery = "sent" | "skipped";

export type DrainOptions = {
  table: OutboxTable;
  /** Sends one claimed row. "skipped": there is nothing to send any more (e.g. the enquiry was erased). */
  deliver: (key: string) => Promise<Delivery>;
  /** Columns set beside state = 'SENT' (a mail with a one-time link clears its text). */
  whenSent?: Prisma.Sql;
  /** One log line per failure; it names the row, never the recipient (personal data). */
  describeFailure: (key: string, attempts: number, delayMinutes: number, message: string) => string;
  now?: Date;
};

export async function drainOutbox(db: PrismaClient, o: DrainOptions) {
  const now = o.now ?? new Date();
  const table = Prisma.raw(`"${o.table}"`);
  const key = Prisma.raw(`"${KEYS[o.table]}"`);
  const claimed = await db.$queryRaw<{ key: string; attempts: number }[]>`
    UPDATE ${table} t
    SET attempts = t.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE t.${key} IN (
      SELECT ${key} FROM ${table}
      WHERE state = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
    )
    RETURNING t.${key} AS key, t.attempts`;
  const extra = o.whenSent ? Prisma.sql`, ${o.whenSent}` : Prisma.empty;
  let sent = 0;
  let failed = 0;
  for (const c of claimed) {
    try {
      if ((await o.deliver(c.key)) === "skipped") {
        await db.$executeRaw`UPDATE ${table} SET state = 'SKIPPED' WHERE ${key} = ${c.key}`;
        continue;
      }
      await db.$executeRaw`
        UPDATE ${table} SET state = 'SENT', "sentAt" = ${new Date()}, "lastError" = NULL ${extra}
        WHERE ${key} = ${c.key}`;
      sent++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      const delay = retryDelayMinutes(c.attempts);
      await db.$executeRaw`
        UPDATE ${table} SET "nextAttemptAt" = ${new Date(now.getTime() + delay * 60_000)},
          "lastError" = ${message.slice(0, 500)}
        WHERE ${key} = ${c.key}`;
      console.error(o.describeFailure(c.key, c.attempts, delay, message));
    }
  }
  return { sent, failed };
}
