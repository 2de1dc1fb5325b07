// Sending reminders: 一键催学 by the trainer, or the periodic job for cohorts with automatic
// sending on, to everyone due as lib/reminders/decide.ts decides it (the 待提醒 page's decision).
// "At most one reminder per learner per Beijing day" is the unique key of ReminderSend: the send
// inserts the day's rows with ON CONFLICT DO NOTHING and queues mail only for the rows it actually
// inserted, in the same transaction, so two instances running the job at once send each reminder
// once.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { enqueueMail } from "@/lib/mail/queue";
import { allDueReminders } from "./decide";
import { reminderMail } from "./mail";
import { beijingDay, isQuietHour, type ReminderRule } from "./rules";
import { enqueueWebhookPost, webhookBody } from "./webhook";

export type SendOptions = { trigger: "MANUAL" | "AUTO"; course: CourseShape; siteUrl: string | null; now?: Date };
export type SendResult = { emailed: number; alreadyToday: number; webhookQueued: boolean; listOnly: number };

/** Sends to everyone the 待提醒 page counts: mail to those it can reach, one class summary to the group. */
export async function sendReminders(db: PrismaClient, cohortId: string, opts: SendOptions): Promise<SendResult> {
  const now = opts.now ?? new Date();
  const day = beijingDay(now);
  const { settings, pending, emails } = await allDueReminders(db, cohortId, opts.course, now);
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { name: true } });
  const fresh = pending.filter((p) => !p.remindedToday);
  // Mail needs the site's address for its links; without one it waits in the list.
  const mailable = fresh.filter((p) => p.reach === "EMAIL" && opts.siteUrl);
  const result: SendResult = {
    emailed: 0,
    alreadyToday: pending.length - fresh.length,
    webhookQueued: false,
    listOnly: fresh.length - mailable.length,
  };
  await db.$transaction(async (tx) => {
    if (mailable.length > 0) {
      const inserted = await tx.reminderSend.createManyAndReturn({
        data: mailable.map((p) => ({
          cohortId,
          userId: p.userId,
          day,
          rule: p.rule,
          channel: "EMAIL",
          trigger: opts.trigger,
          createdAt: now,
        })),
        skipDuplicates: true,
        select: { userId: true },
      });
      const mine = new Set(inserted.map((r) => r.userId));
      for (const p of mailable.filter((m) => mine.has(m.userId))) {
        const moduleTitle = opts.course.modules.find((m) => m.slug === p.moduleSlug)?.title;
        await enqueueMail(
          tx,
          { to: emails.get(p.userId)!, ...reminderMail(p, cohort.name, moduleTitle, opts.siteUrl!) },
          now,
        );
      }
      result.emailed = mine.size;
      result.alreadyToday += mailable.length - mine.size;
    }
    if (settings.webhookUrl && fresh.length > 0) {
      const counts: Partial<Record<ReminderRule, number>> = {};
      for (const p of fresh) counts[p.rule] = (counts[p.rule] ?? 0) + 1;
      await enqueueWebhookPost(
        tx,
        {
          cohortId,
          day,
          url: settings.webhookUrl,
          body: webhookBody(cohort.name, counts, opts.siteUrl && `${opts.siteUrl}/course`),
        },
        now,
      );
      result.webhookQueued = true;
    }
  });
  return result;
}

/**
 * The periodic job: cohorts with automatic sending on, outside quiet hours, at organisations
 * still under contract. Safe to run on every instance at once (see the head of this file).
 */
export async function runAutomaticReminders(db: PrismaClient, opts: Omit<SendOptions, "trigger">) {
  const now = opts.now ?? new Date();
  if (isQuietHour(now)) return { cohorts: 0 };
  const cohorts = await db.reminderSettings.findMany({
    where: { automaticOn: true, cohort: { organisation: { closedAt: null } } },
    select: { cohortId: true },
  });
  for (const c of cohorts) await sendReminders(db, c.cohortId, { ...opts, trigger: "AUTO", now });
  return { cohorts: cohorts.length };
}

export type ReminderLogEntry = {
  id: string;
  createdAt: Date;
  name: string;
  rule: string;
  channel: string;
  trigger: string;
};

/** The send log of a cohort, newest first: per-learner mails and the group summaries. */
export async function reminderLog(db: PrismaClient, cohortId: string, take = 100) {
  const [sends, posts] = await Promise.all([
    db.reminderSend.findMany({
      where: { cohortId },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, createdAt: true, rule: true, channel: true, trigger: true, user: { select: { name: true } } },
    }),
    db.webhookPost.findMany({
      where: { cohortId },
      orderBy: { createdAt: "desc" },
      take: 30,
      select: { id: true, createdAt: true, state: true, attempts: true, lastError: true, sentAt: true },
    }),
  ]);
  return { sends, posts };
}
