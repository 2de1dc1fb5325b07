// Mail notifications of new enquiries, through an outbox. submitEnquiry writes a PENDING row in
// the same transaction as the enquiry; drainNotifications sends due rows through the shared
// outbox loop (lib/outbox/drain.ts: SKIP LOCKED, so two app instances never send the same one;
// on failure a retry with back-off and a log line). A row is only ever marked SENT after the SMTP server accepted the
// mail, so a crash or an outage delays a notification but never loses it.
import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { INTERESTS, type Interest } from "./schema";
import { formatDateTime } from "@/lib/format/beijing-time";
import { drainOutbox } from "@/lib/outbox/drain";

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
  return drainOutbox(db, {
    table: "EnquiryNotification",
    now,
    deliver: async (enquiryId) => {
      const e = await db.enquiry.findUnique({
        where: { id: enquiryId },
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
      // Erased before it went: there is nothing left to announce.
      if (!e || e.erasedAt) return "skipped";
      await mailer.send(composeMail(e, config));
      return "sent";
    },
    describeFailure: (enquiryId, attempts, delay, message) =>
      `[enquiry-mail] 咨询 ${enquiryId} 通知发送失败（第 ${attempts} 次），${delay} 分钟后重试：${message}`,
  });
}
