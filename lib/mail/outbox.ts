// The app's side of the mail outbox (lib/mail/queue.ts): whether mail can go out, and a drain run
// right after the request that queued a mail (next/server `after`) and every minute by
// instrumentation.ts for retries.
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { smtpMailer, type Mailer } from "@/lib/enquiries/notify";
import { drainMail } from "./queue";

/**
 * The site's own address for links in mail. Only a configured one: the Host header of a request
 * is the sender's to choose, and a reset mail must never point at someone else's site.
 */
export function mailSiteUrl(): string | null {
  const url = env.SITE_URL ?? env.NEXTAUTH_URL;
  return url ? url.replace(/\/$/, "") : null;
}

/** Mail to people needs an SMTP server and the site's address. */
export function mailEnabled(): boolean {
  return Boolean(env.SMTP_URL && mailSiteUrl());
}

export const mailFrom = () => env.MAIL_FROM ?? "培训平台 <no-reply@localhost>";

let mailer: Mailer | undefined;
let running: Promise<unknown> | undefined;
let again = false;

export async function sendPendingMail() {
  if (!env.SMTP_URL) return;
  mailer ??= smtpMailer(env.SMTP_URL);
  // One drain at a time per process (the database claim keeps instances apart); a call during a
  // drain makes it go round once more, so a just-queued mail goes now.
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await drainMail(getDb(), mailer!, mailFrom());
    } while (again);
  })()
    .catch((err) => console.error("[mail] 发送队列处理失败：", err))
    .finally(() => (running = undefined));
  await running;
}
