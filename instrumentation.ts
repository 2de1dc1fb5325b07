// Runs once when the server starts (Next.js instrumentation hook). With SMTP configured, it
// retries enquiry notifications that failed (or were cut off by a restart) every minute.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { notificationsEnabled, sendPendingNotifications } = await import("@/lib/enquiries/outbox");
  if (!notificationsEnabled()) return;
  void sendPendingNotifications();
  setInterval(() => void sendPendingNotifications(), 60_000).unref();
}
