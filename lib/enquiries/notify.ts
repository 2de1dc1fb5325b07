// Mail notifications of new enquiries, through an outbox. submitEnquiry writes a PENDING row in
// the same transaction as the enquiry; drainNotifications claims due rows (SKIP LOCKED, so two
// app instances never send the same one), sends them, and on failure schedules a retry with
// back-off and logs the error. A row is only ever marked SENT after the SMTP server accepted the
// mail, so a crash or an outage delays a notification but never loses it.
import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { INTERESTS, type Interest } from "./schema";
import { formatDateTime } from "@/lib/format/beijing-time";

export type Mail = { from: string; to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };
export type NotifyConfig = { to: string; from: string; siteUrl?: string };

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return { send: async (mail) => void (await transport.sendMail(mail)) };
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 5, 10, 30, then hourly. Never gives up. */
export function retryDelayMinutes(attempts: number): number {
  return [1, 2, 5, 10, 30][attempts - 1] ?? 60;
}

const LEASE_MS = 5 * 60_000;

export function composeMail(
  e: {
    id: string;
    name: string;
    organisation: string;
    jobTitle: string | null;
    phone: string | null;
    email: string | null;
    city: string | null;
    interest: string | null;
    trainees: number | null;
    contactTime: string | null;
    message: string | null;
    createdAt: Date;
  },
  config: NotifyConfig,
): Mail {
  const line = (label: string, v: string | number | null) => `${label}：${v ?? "—"}`;
  const text = [
    `新的培训咨询（编号 ${e.id}）`,
    "",
    line("姓名", e.name),
    line("单位", e.organisation),
    line("职务", e.jobTitle),
    line("手机", e.phone),
    line("邮箱", e.email),
    line("城市", e.city),
    line("咨询意向", e.interest ? (INTERESTS[e.interest as Interest] ?? e.interest) : null),
    line("预计参训人数", e.trainees),
    line("方便联系的时间", e.contactTime),
    "留言：",
    e.message ?? "—",
    "",
    `提交时间：${formatDateTime(e.createdAt)}（北京时间）`,
    config.siteUrl
      ? `查看与跟进：${config.siteUrl.replace(/\/$/, "")}/trainer/enquiries/${e.id}`
      : "查看与跟进：培训师后台 → 咨询收件箱",
  ].join("\n");
  return { from: config.from, to: config.to, subject: `新的培训咨询：${e.organisation} · ${e.name}`, text };
}

export async function drainNotifications(db: PrismaClient, mailer: Mailer, config: NotifyConfig, now = new Date()) {
  // Claim due rows by pushing their next attempt out by a lease; a sender that dies mid-way
  // leaves them to be picked up again when the lease runs out.
  const claimed = await db.$queryRaw<{ enquiryId: string; attempts: number }[]>`
    UPDATE "EnquiryNotification" n
    SET attempts = n.attempts + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE n."enquiryId" IN (
      SELECT "enquiryId" FROM "EnquiryNotification"
      WHERE state = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT 20 FOR UPDATE SKIP LOCKED
    )
    RETURNING n."enquiryId", n.attempts`;
  let sent = 0;
  let failed = 0;
  for (const c of claimed) {
    const e = await db.enquiry.findUnique({
      where: { id: c.enquiryId },
      select: {
        id: true,
        name: true,
        organisation: true,
        jobTitle: true,
        phone: true,
        email: true,
        city: true,
        interest: true,
        trainees: true,
        contactTime: true,
        message: true,
        createdAt: true,
        erasedAt: true,
      },
    });
    if (!e || e.erasedAt) {
      await db.enquiryNotification.updateMany({ where: { enquiryId: c.enquiryId }, data: { state: "SKIPPED" } });
      continue;
    }
    try {
      await mailer.send(composeMail(e, config));
      await db.enquiryNotification.update({
        where: { enquiryId: c.enquiryId },
        data: { state: "SENT", sentAt: new Date(), lastError: null },
        select: { enquiryId: true },
      });
      sent++;
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = new Date(now.getTime() + retryDelayMinutes(c.attempts) * 60_000);
      await db.enquiryNotification.update({
        where: { enquiryId: c.enquiryId },
        data: { nextAttemptAt: retryAt, lastError: message.slice(0, 500) },
        select: { enquiryId: true },
      });
      console.error(
        `[enquiry-mail] 咨询 ${c.enquiryId} 通知发送失败（第 ${c.attempts} 次），${retryDelayMinutes(c.attempts)} 分钟后重试：${message}`,
      );
    }
  }
  return { sent, failed };
}
