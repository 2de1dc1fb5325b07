// When a plan's 30/60/90-day check-in is due, and which of its actions are still asked about.
// Pure functions of the plan and a clock (`now`), so tests move time without touching the app.
//
// A round "arrives" N days after filing and stays open until the next round arrives: reporting
// late is fine. Once a later round has arrived the earlier unanswered one is missed and no longer
// asked (a learner at day 65 reports once, for day 60, not twice). The day-90 round never closes.
// An action reported 完成 or 放弃 is closed and left out of later rounds; a plan whose actions are
// all closed asks nothing more.
import type { ActionStatus } from "@/lib/generated/prisma/enums";

export const ROUNDS = [30, 60, 90] as const;
export type Round = (typeof ROUNDS)[number];

const DAY_MS = 86_400_000;

export type CheckInLike = { round: number; status: ActionStatus };
export type ActionLike = { id: string; checkIns: CheckInLike[] };
export type PlanLike = { filedAt: Date; actions: ActionLike[] };

export function isRound(n: number): n is Round {
  return (ROUNDS as readonly number[]).includes(n);
}

export function roundArrivesAt(filedAt: Date, round: Round): Date {
  return new Date(filedAt.getTime() + round * DAY_MS);
}

/** The latest round that has arrived by `now`, or null before day 30. */
export function latestArrivedRound(filedAt: Date, now: Date): Round | null {
  let latest: Round | null = null;
  for (const r of ROUNDS) if (roundArrivesAt(filedAt, r) <= now) latest = r;
  return latest;
}

export function closesAction(status: ActionStatus): boolean {
  return status === "DONE" || status === "ABANDONED";
}

/** Actions still open before `round`: not closed by a report of an earlier round. */
export function openActionsBefore<A extends ActionLike>(actions: A[], round: number): A[] {
  return actions.filter((a) => !a.checkIns.some((c) => c.round < round && closesAction(c.status)));
}

/** The latest report of an action (highest round), or null. */
export function latestStatus(action: ActionLike): ActionStatus | null {
  let best: CheckInLike | null = null;
  for (const c of action.checkIns) if (!best || c.round > best.round) best = c;
  return best?.status ?? null;
}

export type DueCheckIn = { round: Round; dueAt: Date; actionIds: string[] };

/** The check-in the learner should answer now, or null (none arrived yet, answered, or all closed). */
export function checkInDue(plan: PlanLike, now: Date): DueCheckIn | null {
  const round = latestArrivedRound(plan.filedAt, now);
  if (!round) return null;
  const open = openActionsBefore(plan.actions, round);
  const unanswered = open.filter((a) => !a.checkIns.some((c) => c.round === round));
  if (unanswered.length === 0) return null;
  return { round, dueAt: roundArrivesAt(plan.filedAt, round), actionIds: unanswered.map((a) => a.id) };
}

/** The next round still ahead of `now` while some action is open, for "下一次回访" on the page. */
export function nextRound(plan: PlanLike, now: Date): { round: Round; arrivesAt: Date } | null {
  for (const r of ROUNDS) {
    const at = roundArrivesAt(plan.filedAt, r);
    if (at > now && openActionsBefore(plan.actions, r).length > 0) return { round: r, arrivesAt: at };
  }
  return null;
}

/** Whether a plan counts as followed up at `round`: reported then, or every action already closed. */
export function followedUpAt(plan: PlanLike, round: Round): boolean {
  if (openActionsBefore(plan.actions, round).length === 0) return true;
  return plan.actions.some((a) => a.checkIns.some((c) => c.round === round));
}
