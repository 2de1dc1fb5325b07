// The app's side of enquiry mail: whether SMTP is configured, and a drain that the submit action
// runs right after responding (next/server `after`) and instrumentation.ts runs every minute for
// retries.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { drainNotifications, smtpMailer, type Mailer } from "./notify";

export function notificationsEnabled(): boolean {
  return Boolean(env.SMTP_URL && env.ENQUIRY_NOTIFY_TO);
}

let mailer: Mailer | undefined;
let running: Promise<unknown> | undefined;
let again = false;

export async function sendPendingNotifications() {
  if (!env.SMTP_URL || !env.ENQUIRY_NOTIFY_TO) return;
  mailer ??= smtpMailer(env.SMTP_URL);
  // One drain at a time per process; the database claim keeps instances apart. A call that
  // arrives while a drain runs (a new enquiry committed after that drain claimed its batch)
  // makes it go round once more, so its mail goes now rather than at the next minute's retry.
  if (running) {
    again = true;
    return running;
  }
  const config = {
    to: env.ENQUIRY_NOTIFY_TO,
    from: env.MAIL_FROM ?? "培训咨询 <no-reply@localhost>",
    siteUrl: env.SITE_URL,
  };
  running = (async () => {
    do {
      again = false;
      await drainNotifications(getDb(), mailer!, config);
    } while (again);
  })()
    .catch((err) => console.error("[enquiry-mail] 发送队列处理失败：", err))
    .finally(() => (running = undefined));
  await running;
}
