// Who would be reminded today, and by which rule: pure, against a clock the caller passes in, so
// the rules can be tested at a fixed instant. Days are Beijing calendar days (the learners' days).
import { formatDate } from "@/lib/format/beijing-time";

export const REMINDER_RULES = ["DUE_SOON", "NOT_STARTED", "INACTIVE", "CHECK_IN_DUE"] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

export type RuleSettings = {
  notStartedOn: boolean;
  notStartedDays: number;
  dueSoonOn: boolean;
  inactiveOn: boolean;
  checkInDueOn: boolean;
};

export type LearnerFacts = {
  userId: string;
  joinedAt: Date;
  /** Last lesson ticked or quiz submitted; null: not started. */
  lastActivity: Date | null;
  modulesDone: ReadonlySet<string>;
  courseDone: boolean;
};

/** A module's due date as a Beijing calendar day, "2026-03-05". */
export type DueDate = { moduleSlug: string; dueOn: string };

export type DueReminder = { userId: string; rule: ReminderRule; moduleSlug?: string };

export const DUE_SOON_DAYS = 2;
export const INACTIVE_DAYS = 7;
export const DAY_MS = 86_400_000;

/** The Beijing calendar day of an instant, "2026-03-05": the key of "one reminder a day". */
export const beijingDay = (now: Date) => formatDate(now);

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 21:00–08:00 Beijing time: no automatic sends (一键催学 is the trainer's own choice). */
export function isQuietHour(now: Date): boolean {
  const hour = (now.getUTCHours() + 8) % 24;
  return hour >= 21 || hour < 8;
}

/** The modules due within two days (soonest first) when the rule is on: all the rule asks about. */
export function dueSoonDates(settings: RuleSettings, dueDates: DueDate[], now: Date): DueDate[] {
  if (!settings.dueSoonOn) return [];
  const today = beijingDay(now);
  const horizon = addDays(today, DUE_SOON_DAYS);
  return dueDates.filter((d) => d.dueOn >= today && d.dueOn <= horizon).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/**
 * One reminder per learner, the most pressing rule first: a module due within two days, not
 * started at all, gone quiet for a week, an action-plan check-in due. A learner who has finished
 * the course is never reminded.
 */
export function dueReminders(
  settings: RuleSettings,
  dueDates: DueDate[],
  learners: LearnerFacts[],
  checkInDue: ReadonlySet<string>,
  now: Date,
): DueReminder[] {
  const dueSoon = dueSoonDates(settings, dueDates, now);
  const out: DueReminder[] = [];
  for (const l of learners) {
    if (l.courseDone) continue;
    const dueModule = dueSoon.find((d) => !l.modulesDone.has(d.moduleSlug));
    if (dueModule) {
      out.push({ userId: l.userId, rule: "DUE_SOON", moduleSlug: dueModule.moduleSlug });
    } else if (
      settings.notStartedOn &&
      l.lastActivity === null &&
      now.getTime() - l.joinedAt.getTime() >= settings.notStartedDays * DAY_MS
    ) {
      out.push({ userId: l.userId, rule: "NOT_STARTED" });
    } else if (
      settings.inactiveOn &&
      l.lastActivity !== null &&
      now.getTime() - l.lastActivity.getTime() >= INACTIVE_DAYS * DAY_MS
    ) {
      out.push({ userId: l.userId, rule: "INACTIVE" });
    } else if (settings.checkInDueOn && checkInDue.has(l.userId)) {
      out.push({ userId: l.userId, rule: "CHECK_IN_DUE" });
    }
  }
  return out;
}
