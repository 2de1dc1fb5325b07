// Runs once when the server starts (Next.js instrumentation hook):
//  - with SMTP configured, retries enquiry notifications and outbox mail (reset links) that failed
//    (or were cut off by a restart) every minute;
//  - every ten minutes, deletes rate-limit events no window looks at any more, so typed-email and
//    address tags do not pile up even where nobody schedules `npm run data:purge`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db/client");
  const { purgeRateLimitEvents } = await import("@/lib/auth/rate-limit");
  const purge = () => void purgeRateLimitEvents(getDb()).catch((e) => console.error("rate-limit purge failed", e));
  setInterval(purge, 10 * 60_000).unref();

  const { mailEnabled, sendPendingMail } = await import("@/lib/mail/outbox");
  if (mailEnabled()) {
    void sendPendingMail();
    setInterval(() => void sendPendingMail(), 60_000).unref();
  }

  const { notificationsEnabled, sendPendingNotifications } = await import("@/lib/enquiries/outbox");
  if (!notificationsEnabled()) return;
  void sendPendingNotifications();
  setInterval(() => void sendPendingNotifications(), 60_000).unref();
}
