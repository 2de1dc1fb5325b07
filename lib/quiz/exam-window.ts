// The final's window per cohort (Cohort.finalOpensAt / finalClosesAt, Beijing time on the forms):
// outside it the final cannot be started, and its answers and explanations are released only once
// it has closed, so nobody still to sit the exam can read them (docs/decisions/0029). A learner
// in several cohorts may sit the final in any of their windows (a make-up class); the answers wait
// until every one of their windows has closed.
import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { GRACE_MS } from "./deadline";

export type ExamWindow = { opensAt: Date; closesAt: Date };

export type WindowState =
  | { kind: "none" }
  | { kind: "open"; closesAt: Date }
  | { kind: "before"; opensAt: Date }
  | { kind: "after"; closesAt: Date };

/** Where `now` falls among a learner's windows: open in any one wins, then the next to open. */
export function windowState(windows: ExamWindow[], now: Date): WindowState {
  if (windows.length === 0) return { kind: "none" };
  const open = windows.filter((w) => w.opensAt <= now && now < w.closesAt);
  if (open.length) return { kind: "open", closesAt: new Date(Math.max(...open.map((w) => w.closesAt.getTime()))) };
  const later = windows.filter((w) => now < w.opensAt);
  if (later.length) return { kind: "before", opensAt: new Date(Math.min(...later.map((w) => w.opensAt.getTime()))) };
  return { kind: "after", closesAt: new Date(Math.max(...windows.map((w) => w.closesAt.getTime()))) };
}

/** Whether the final's answers may be shown: null when the learner has no window (the quiz file's
 * revealAnswers rule applies), else whether every window has closed, with the grace in which the
 * last answers of the window's attempts may still arrive (lib/quiz/deadline.ts). */
export function windowsReleaseAnswers(windows: ExamWindow[], now: Date): boolean | null {
  return windows.length === 0 ? null : windows.every((w) => w.closesAt.getTime() + GRACE_MS < now.getTime());
}

export async function getFinalWindows(db: PrismaClient, userId: string): Promise<ExamWindow[]> {
  const cohorts = await db.cohort.findMany({
    where: { members: { some: { userId } }, finalOpensAt: { not: null }, finalClosesAt: { not: null } },
    select: { finalOpensAt: true, finalClosesAt: true },
  });
  return cohorts.map((c) => ({ opensAt: c.finalOpensAt!, closesAt: c.finalClosesAt! }));
}

/** Sets (or with null clears) a cohort's window: its trainer or an admin, not a client admin, and
 * not once the bank's contract has ended. Audited. */
export async function setFinalWindow(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  cohortId: string,
  window: ExamWindow | null,
) {
  if (viewer.role !== "TRAINER" && viewer.role !== "ADMIN") return { ok: false as const, code: "FORBIDDEN" as const };
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findFirst({
      where: scopedCohortWhere(viewer, { id: cohortId, organisation: { closedAt: null } }),
      select: { id: true, name: true },
    });
    if (!cohort) return { ok: false as const, code: "FORBIDDEN" as const };
    await tx.cohort.update({
      where: { id: cohort.id },
      data: { finalOpensAt: window?.opensAt ?? null, finalClosesAt: window?.closesAt ?? null },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "EXAM_WINDOW_CHANGE",
      target: cohort.id,
      detail: window
        ? `${cohort.name};${formatDateTime(window.opensAt)}—${formatDateTime(window.closesAt)}`
        : cohort.name,
    });
    return { ok: true as const };
  });
}

/** The window set on one cohort (already authorised by the caller), for its trainer's page. */
export async function getCohortFinalWindow(db: PrismaClient, cohortId: string) {
  return db.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { finalOpensAt: true, finalClosesAt: true },
  });
}
