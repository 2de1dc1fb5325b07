// Runs once when the server starts (Next.js instrumentation hook):
//  - with SMTP configured, retries enquiry notifications and outbox mail (reset links) that failed
//    (or were cut off by a restart) every minute;
//  - every ten minutes, deletes rate-limit events no window looks at any more, so typed-email and
//    address tags do not pile up even where nobody schedules `npm run data:purge`;
//  - every ten minutes, 学习提醒 for cohorts with automatic sending on (outside quiet hours, once
//    per learner per day however many instances run it), and every minute the 企业微信 outbox;
//  - every minute, scores timed attempts past their deadline from their autosaves (a learner who
//    closed the tab still gets a result; each attempt is scored once however many instances run it).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db/client");
  const { purgeRateLimitEvents } = await import("@/lib/auth/rate-limit");
  const purge = () => void purgeRateLimitEvents(getDb()).catch((e) => console.error("rate-limit purge failed", e));
  setInterval(purge, 10 * 60_000).unref();

  const { mailEnabled, mailSiteUrl, sendPendingMail } = await import("@/lib/mail/outbox");
  const { runAutomaticReminders } = await import("@/lib/reminders/send");
  const { drainWebhooks } = await import("@/lib/reminders/webhook");
  const { currentCourseShape } = await import("@/lib/dashboard/course-shape");
  const remind = async () => {
    await runAutomaticReminders(getDb(), { course: await currentCourseShape(), siteUrl: mailSiteUrl() });
    if (mailEnabled()) await sendPendingMail();
  };
  setInterval(() => void remind().catch((e) => console.error("[reminders] 自动提醒失败：", e)), 10 * 60_000).unref();
  setInterval(() => void drainWebhooks(getDb()).catch((e) => console.error("[webhook] 发送失败：", e)), 60_000).unref();

  const { expireOverdueAttempts } = await import("@/lib/quiz/attempts");
  const expire = async () => {
    const r = await expireOverdueAttempts(getDb(), await currentCourseShape(), new Date());
    if (r.failed) console.error(`[quiz] ${r.failed} 份超时答卷未能计分，下一分钟重试`);
  };
  setInterval(() => void expire().catch((e) => console.error("[quiz] 超时答卷计分失败：", e)), 60_000).unref();

  if (mailEnabled()) {
    void sendPendingMail();
    setInterval(() => void sendPendingMail(), 60_000).unref();
  }

  const { notificationsEnabled, sendPendingNotifications } = await import("@/lib/enquiries/outbox");
  if (!notificationsEnabled()) return;
  void sendPendingNotifications();
  setInterval(() => void sendPendingNotifications(), 60_000).unref();
}
