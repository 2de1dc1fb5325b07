// The counting rules of a classroom day, in one place (docs/decisions/0021): when a check-in is
// 迟到, when 签到 is open, what counts as attended, and how 学时 add up.
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";

/** 签到 opens this long before the start (people arrive early) and closes at the end. */
export const CHECK_IN_OPENS_MS = 2 * 3_600_000;
/** 签退 is taken from the start until this long after the end (a session may overrun). */
export const SIGN_OUT_CLOSES_MS = 3_600_000;
/** 1 学时 of online study is 45 minutes of reading time, as a class hour is 45 minutes. */
export const ONLINE_MINUTES_PER_HOUR = 45;

export type SessionTimes = { startsAt: Date; endsAt: Date; graceMinutes: number };

/** 出勤 up to `graceMinutes` after the start (inclusive), 迟到 afterwards. */
export function checkInStatus(session: SessionTimes, at: Date): "PRESENT" | "LATE" {
  return at.getTime() <= session.startsAt.getTime() + session.graceMinutes * 60_000 ? "PRESENT" : "LATE";
}

export type WindowProblem = "NOT_OPEN" | "CLOSED";

export function checkInWindowProblem(session: SessionTimes, at: Date, purpose: "in" | "out"): WindowProblem | null {
  const t = at.getTime();
  const opens = purpose === "in" ? session.startsAt.getTime() - CHECK_IN_OPENS_MS : session.startsAt.getTime();
  const closes = purpose === "in" ? session.endsAt.getTime() : session.endsAt.getTime() + SIGN_OUT_CLOSES_MS;
  if (t < opens) return "NOT_OPEN";
  if (t > closes) return "CLOSED";
  return null;
}

export const isAttended = (status: AttendanceStatus | null | undefined) => status === "PRESENT" || status === "LATE";

export type CreditedRow = {
  creditHours: number;
  signOutRequired: boolean;
  status: AttendanceStatus;
  signedOutAt: Date | null;
  /** Marked by the trainer: their word stands in for a missing sign-out. */
  markedByHand: boolean;
};

/** Whether one attendance earns the session's 学时: attended, and signed out where that is asked. */
export function earnsHours(r: CreditedRow): boolean {
  return isAttended(r.status) && (!r.signOutRequired || r.signedOutAt !== null || r.markedByHand);
}

/** 学时 from classroom sessions. */
export function classroomHours(rows: CreditedRow[]): number {
  return rows.reduce((n, r) => n + (earnsHours(r) ? r.creditHours : 0), 0);
}

/** 学时 from online lessons done, from their reading minutes; rounded down to 0.1. */
export function onlineHours(minutesDone: number): number {
  return Math.floor((minutesDone * 10) / ONLINE_MINUTES_PER_HOUR) / 10;
}

/** 学时 as people read them: "3", "3.5", "12.3". */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** Whether attendance meets a cohort's minimum (percent of all its sessions); no sessions yet: not met. */
export function meetsMinimum(attended: number, sessions: number, minPercent: number | null): boolean {
  if (minPercent === null) return true;
  if (sessions === 0) return false;
  return attended * 100 >= minPercent * sessions;
}

const LIVE_MARGIN_MS = 30 * 60_000;

/**
 * Until when the register refreshes itself: from half an hour before the start to half an hour
 * after the end, when people scan. Null outside that window (a past register stays still).
 */
export function registerLiveUntil(session: { startsAt: Date; endsAt: Date }, now: Date): Date | null {
  const from = session.startsAt.getTime() - LIVE_MARGIN_MS;
  const until = session.endsAt.getTime() + LIVE_MARGIN_MS;
  return now.getTime() >= from && now.getTime() <= until ? new Date(until) : null;
}
