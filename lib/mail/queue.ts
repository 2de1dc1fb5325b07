// The outbox for mail to people (password reset links, reminders): a row is written in the
// same transaction as what it announces and sent afterwards by the shared outbox loop
// (lib/outbox/drain.ts: claimed with SKIP LOCKED and a lease, SENT only after the SMTP server
// took it, retried with back-off). Two differences for mail that carries a one-time link: it is discarded rather than
// sent once discardAfter has passed (the link is dead by then), and its text is cleared once sent
// (or discarded), so the table does not keep working links.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Mailer } from "@/lib/enquiries/notify";
import { drainOutbox } from "@/lib/outbox/drain";

export type QueuedMail = { to: string; subject: string; text: string; discardAfter?: Date };

export async function enqueueMail(tx: PrismaClient | Prisma.TransactionClient, mail: QueuedMail, now = new Date()) {
  await tx.outboundMail.create({
    data: { ...mail, discardAfter: mail.discardAfter ?? null, nextAttemptAt: now, createdAt: now },
    select: { id: true },
  });
}

export async function drainMail(db: PrismaClient, mailer: Mailer, from: string, now = new Date()) {
  await db.outboundMail.updateMany({
    where: { state: "PENDING", discardAfter: { lte: now } },
    data: { state: "DISCARDED", text: "" },
  });
  return drainOutbox(db, {
    table: "OutboundMail",
    now,
    deliver: async (id) => {
      const mail = await db.outboundMail.findUnique({ where: { id }, select: { to: true, subject: true, text: true } });
      if (!mail) return "skipped";
      await mailer.send({ from, ...mail });
      return "sent";
    },
    whenSent: Prisma.sql`text = ''`,
    describeFailure: (id, attempts, delay, message) =>
      `[mail] 邮件 ${id} 发送失败（第 ${attempts} 次），${delay} 分钟后重试：${message}`,
  });
}
