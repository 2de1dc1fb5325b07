// Timed attempts (docs/decisions/0029): the deadline is fixed on the attempt when it starts, from
// the quiz file's timeLimitMinutes and, for the final, the cohort window's close (an attempt never
// outlives its window, whose close releases the answers). The server alone decides what is late.

/** What is still accepted after the deadline: the browser submits at 0:00 and the request needs
 * a moment to arrive. Past it nothing the learner sends counts; the autosaves are scored. */
export const GRACE_MS = 15_000;

export function deadlineFor(start: Date, timeLimitMinutes: number | null, windowClosesAt: Date | null): Date | null {
  const byLimit = timeLimitMinutes === null ? null : new Date(start.getTime() + timeLimitMinutes * 60_000);
  if (!byLimit) return windowClosesAt;
  if (!windowClosesAt) return byLimit;
  return byLimit < windowClosesAt ? byLimit : windowClosesAt;
}

/** Past the deadline and its grace: the attempt is scored from its autosaves, whoever asks. */
export function isOverdue(deadlineAt: Date | null, now: Date): boolean {
  return deadlineAt !== null && now.getTime() > deadlineAt.getTime() + GRACE_MS;
}

/** The latest deadline still inside its grace at `now` (attempts with an earlier one are overdue). */
export function overdueBefore(now: Date): Date {
  return new Date(now.getTime() - GRACE_MS);
}
