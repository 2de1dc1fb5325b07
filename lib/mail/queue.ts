// The outbox for mail to people (password reset links; later reminders): a row is written in the
// same transaction as what it announces and sent afterwards, as enquiry notifications are
// (decision 0007): claimed with FOR UPDATE SKIP LOCKED and a lease, so two app instances never
// send the same mail; marked SENT only after the SMTP server took it; retried with the same
// back-off. Two differences for mail that carries a one-time link: it is discarded rather than
// sent once discardAfter has passed (the link is dead by then), and its text is cleared once sent
// (or discarded), so the table does not keep working links.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { retryDelayMinutes, type Mailer } from "@/lib/enquiries/notify";

export type QueuedMail = { to: string; subject: string; text: string; discardAfter?: Date };

export async function enqueueMail(tx: PrismaClient | Prisma.TransactionClient, mail: QueuedMail, now = new Date()) {
  await tx.outboundMail.create({
    data: { ...mail, discardAfter: mail.discardAfter ?? null, nextAttemptAt: now, createdAt: now },
    select: { id: true },
  });
}

const LEASE_MS = 5 * 60_000;

export async function drainMail(db: PrismaClient, mailer: Mailer, from: string, now = new Date()) {
  await db.outboundMail.updateMany({
    where: { state: "PENDING", discardAfter: { lte: now } },
    data: { state: "DISCARDED", text: "" },
  });
  const claimed = await db.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "OutboundMail" m
    SET attempts = m.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE m.id IN (
      SELECT id FROM "OutboundMail"
      WHERE state = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT 20 FOR UPDATE SKIP LOCKED
    )
    RETURNING m.id, m.attempts`;
  let sent = 0;
  let failed = 0;
  for (const c of claimed) {
    const mail = await db.outboundMail.findUnique({
      where: { id: c.id },
      select: { to: true, subject: true, text: true },
    });
    if (!mail) continue;
    try {
      await mailer.send({ from, ...mail });
      await db.outboundMail.update({
        where: { id: c.id },
        data: { state: "SENT", sentAt: new Date(), text: "", lastError: null },
        select: { id: true },
      });
      sent++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      const delay = retryDelayMinutes(c.attempts);
      await db.outboundMail.update({
        where: { id: c.id },
        data: { nextAttemptAt: new Date(now.getTime() + delay * 60_000), lastError: message.slice(0, 500) },
        select: { id: true },
      });
      // The address is personal data: the log names the row, not the recipient.
      console.error(`[mail] 邮件 ${c.id} 发送失败（第 ${c.attempts} 次），${delay} 分钟后重试：${message}`);
    }
  }
  return { sent, failed };
}
