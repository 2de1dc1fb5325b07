// Who is due a reminder in a cohort (the 待提醒 list), and sending: 一键催学 by the trainer, or
// the periodic job for cohorts with automatic sending on. "At most one reminder per learner per
// Beijing day" is the unique key of ReminderSend: the send inserts the day's rows with
// ON CONFLICT DO NOTHING and queues mail only for the rows it actually inserted, in the same
// transaction, so two instances running the job at once send each reminder once.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { ROUNDS } from "@/lib/action-plans/rules";
import { enqueueMail } from "@/lib/mail/queue";
import { moduleRowsCtes } from "@/lib/dashboard/member-summary";
import { learnersWithCheckInDue } from "./check-ins";
import { reminderMail } from "./mail";
import {
  beijingDay,
  DAY_MS,
  dueReminders,
  dueSoonDates,
  INACTIVE_DAYS,
  isQuietHour,
  type LearnerFacts,
  type ReminderRule,
  type RuleSettings,
} from "./rules";
import { getReminderSettings } from "./settings";
import { enqueueWebhookPost, webhookBody } from "./webhook";

/** How a learner would be reached: by mail, or only through the trainer's list (and why). */
export type Reach = "EMAIL" | "LIST_EMAIL_OFF" | "LIST_OPTED_OUT" | "LIST_NO_EMAIL";

type MemberFacts = {
  id: string;
  name: string;
  email: string | null;
  branch: string | null;
  reminderEmailOptOut: boolean;
  /** Instants as epoch milliseconds, module slugs as one string: see the statement's select. */
  joined_ms: number;
  done_ms: number | null;
  modules_done: string;
  final_passed: boolean;
};

/**
 * What the rules read per member, in one statement over the progress summaries (docs/decisions/
 * 0028), whatever the cohort's size: last tick or submit, whether the course is done, and which
 * of `askedModules` (the modules due soon) are done. The same rule as lib/progress/progress.ts
 * summariseProgress. Only these are decided: every module matters only to a learner who has
 * passed the final (course done needs both), so the others' summary rows are read just for the
 * modules due soon (usually none) instead of all ~5 per learner. Only the members some rule might
 * name come back (the prefilter at its end): `emails` and the list hold those, not the whole cohort.
 */
async function learnerFacts(
  db: PrismaClient,
  cohortId: string,
  course: CourseShape,
  askedModules: string[],
  settings: RuleSettings,
  now: Date,
) {
  const finalQuiz = course.finalQuizId ?? "";
  const noFinal = course.finalQuizId === null;
  // Cut-offs of the prefilter below, one Beijing day looser than the rules' own so that rounding
  // or clock details can only let a few more learners through to rules.ts, never fewer.
  const before = (days: number) => new Date(now.getTime() - (days - 1) * DAY_MS);
  const rows = await db.$queryRaw<MemberFacts[]>`
    WITH cohort_members AS (
      SELECT cm."userId" AS user_id, cm."joinedAt" AS joined_at, coalesce(f.passed, false) AS final_passed,
             u.name, u.email, u.branch, u."reminderEmailOptOut"
      FROM "CohortMember" cm JOIN "User" u ON u.id = cm."userId"
      LEFT JOIN "ProgressSummary" f ON f."userId" = cm."userId" AND f.unit = ${finalQuiz}
      WHERE cm."cohortId" = ${cohortId} AND u.role = 'LEARNER' AND NOT u.disabled AND u."erasedAt" IS NULL
    ),
    members AS (SELECT user_id FROM cohort_members WHERE final_passed OR ${noFinal}),
    ${moduleRowsCtes(
      course,
      Prisma.sql`(SELECT * FROM "ProgressSummary" WHERE "userId" IN (SELECT user_id FROM members)
        UNION ALL
        SELECT * FROM "ProgressSummary"
        WHERE unit = ANY(${askedModules}::text[]) AND "userId" IN (SELECT user_id FROM cohort_members EXCEPT SELECT user_id FROM members))`,
    )},
    done AS (SELECT user_id, array_agg(module) AS modules FROM module_rows WHERE done GROUP BY user_id)
    -- Thousands of rows come back: instants as numbers and the done modules as one string (slugs
    -- are kebab-case, lib/content/schema.ts) decode in a fraction of the time timestamps and
    -- arrays take in Node.
    SELECT m.user_id AS id, m.name, m.email, m.branch, m."reminderEmailOptOut",
           (extract(epoch FROM m.joined_at) * 1000)::float8 AS joined_ms,
           (extract(epoch FROM la."doneAt") * 1000)::float8 AS done_ms,
           coalesce(array_to_string(d.modules, ' '), '') AS modules_done, m.final_passed
    FROM cohort_members m
    LEFT JOIN done d ON d.user_id = m.user_id
    LEFT JOIN "LearnerActivity" la ON la."userId" = m.user_id
    -- A prefilter, not the decision: it drops only learners no rule of rules.ts dueReminders can
    -- name (course done, or none of its conditions holds, each loosened), so most of a large
    -- cohort never travels to Node. It may only over-include. rules.ts stays the one place that
    -- decides, for the survivors. tests/integration/reminders.test.ts checks both agree.
    WHERE NOT ((${noFinal} OR m.final_passed)
               AND (SELECT count(DISTINCT x) FROM unnest(d.modules) x) = ${course.modules.length})
      AND (NOT coalesce(d.modules, ARRAY[]::text[]) @> ${askedModules}::text[]
           OR (${settings.notStartedOn} AND la."doneAt" IS NULL AND m.joined_at <= ${before(settings.notStartedDays)})
           OR (${settings.inactiveOn} AND la."doneAt" <= ${before(INACTIVE_DAYS)})
           OR (${settings.checkInDueOn} AND EXISTS (
                 SELECT 1 FROM "ActionPlan" p WHERE p."userId" = m.user_id AND p."filedAt" <= ${before(ROUNDS[0])})))`;
  return rows.map((r) => {
    const modulesDone = new Set(r.modules_done ? r.modules_done.split(" ") : []);
    const learner: LearnerFacts = {
      userId: r.id,
      joinedAt: new Date(r.joined_ms),
      lastActivity: r.done_ms === null ? null : new Date(r.done_ms),
      // Complete for those who passed the final (or when there is none); else the asked modules only.
      modulesDone,
      courseDone: modulesDone.size === course.modules.length && (noFinal || r.final_passed),
    };
    const person = {
      id: r.id,
      name: r.name,
      email: r.email,
      branch: r.branch,
      reminderEmailOptOut: r.reminderEmailOptOut,
    };
    return { learner, person };
  });
}

export type PendingReminder = {
  userId: string;
  name: string;
  branch: string | null;
  rule: ReminderRule;
  moduleSlug?: string;
  reach: Reach;
  /** Already reminded today (by any cohort): 一键催学 skips them. */
  remindedToday: boolean;
};

export async function listPendingReminders(db: PrismaClient, cohortId: string, course: CourseShape, now: Date) {
  const settings = await getReminderSettings(db, cohortId);
  const asked = dueSoonDates(settings, settings.dueDates, now).map((d) => d.moduleSlug);
  const [people, checkIns] = await Promise.all([
    learnerFacts(db, cohortId, course, asked, settings, now),
    learnersWithCheckInDue(db, cohortId, now),
  ]);
  const due = dueReminders(
    settings,
    settings.dueDates,
    people.map((p) => p.learner),
    checkIns,
    now,
  );
  const today = beijingDay(now);
  const sentToday = new Set(
    (
      await db.reminderSend.findMany({
        // The cohort's members reminded today (by any cohort), joined in SQL: thousands of ids
        // would otherwise travel as bind parameters.
        where: { day: today, user: { memberships: { some: { cohortId } } } },
        select: { userId: true },
      })
    ).map((r) => r.userId),
  );
  const byId = new Map(people.map((p) => [p.person.id, p.person]));
  const pending: PendingReminder[] = due.map((d) => {
    const person = byId.get(d.userId)!;
    const reach: Reach = !settings.emailOn
      ? "LIST_EMAIL_OFF"
      : person.reminderEmailOptOut
        ? "LIST_OPTED_OUT"
        : person.email
          ? "EMAIL"
          : "LIST_NO_EMAIL";
    return { ...d, name: person.name, branch: person.branch, reach, remindedToday: sentToday.has(d.userId) };
  });
  return { settings, pending, emails: new Map(people.map((p) => [p.person.id, p.person.email])) };
}

export type SendOptions = { trigger: "MANUAL" | "AUTO"; course: CourseShape; siteUrl: string | null; now?: Date };
export type SendResult = { emailed: number; alreadyToday: number; webhookQueued: boolean; listOnly: number };

/** Sends what the 待提醒 list shows: mail to those it can reach, one class summary to the group. */
export async function sendReminders(db: PrismaClient, cohortId: string, opts: SendOptions): Promise<SendResult> {
  const now = opts.now ?? new Date();
  const day = beijingDay(now);
  const { settings, pending, emails } = await listPendingReminders(db, cohortId, opts.course, now);
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
