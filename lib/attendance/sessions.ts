// Sessions (课次) of a cohort: created and edited by the trainers who may see the cohort, read by
// its bank's client admins. Visibility is the cohort scope (lib/organisations/scope.ts): a
// session is found only through a cohort the viewer may see.
import { recordAudit } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import type { SessionInput } from "./schema";

export const sessionSelect = {
  id: true,
  cohortId: true,
  title: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  trainerName: true,
  creditHours: true,
  graceMinutes: true,
  signOutRequired: true,
} as const;

/** Client admins read; trainers (of the cohort) and admins write. */
export const canManageSessions = (viewer: Viewer) => viewer.role === "TRAINER" || viewer.role === "ADMIN";

export async function listSessions(db: PrismaClient, viewer: Viewer, cohortId: string) {
  return db.cohortSession.findMany({
    where: { cohortId, cohort: scopedCohortWhere(viewer) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      ...sessionSelect,
      _count: { select: { attendance: { where: { status: { in: ["PRESENT", "LATE"] } } } } },
    },
  });
}

const SESSION_ID = /^[a-z0-9]{1,40}$/i;

/** The session if the viewer may see its cohort, else null (callers answer 403 or 404). */
export async function findVisibleSession(db: PrismaClient, viewer: Viewer, cohortId: string, sessionId: string) {
  if (!SESSION_ID.test(sessionId) || !SESSION_ID.test(cohortId)) return null;
  return db.cohortSession.findFirst({
    where: { id: sessionId, cohortId, cohort: scopedCohortWhere(viewer) },
    select: {
      ...sessionSelect,
      cohort: {
        select: {
          id: true,
          name: true,
          organisation: { select: { name: true } },
          _count: { select: { members: true } },
        },
      },
    },
  });
}

export type SaveResult = { ok: true; id: string } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" };

/** Creates a session, or edits one (sessionId); audited, since 学时 and 迟到 follow from it. */
export async function saveSession(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  input: SessionInput,
): Promise<SaveResult> {
  if (!canManageSessions(viewer)) return { ok: false, code: "FORBIDDEN" };
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: input.cohortId }),
    select: { id: true },
  });
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  const { sessionId, cohortId, ...data } = input;
  return db.$transaction(async (tx) => {
    let id: string;
    if (sessionId) {
      const changed = await tx.cohortSession.updateMany({ where: { id: sessionId, cohortId }, data });
      if (changed.count === 0) return { ok: false as const, code: "NOT_FOUND" as const };
      id = sessionId;
    } else {
      id = (await tx.cohortSession.create({ data: { ...data, cohortId }, select: { id: true } })).id;
    }
    await recordAudit(tx, viewer, {
      action: "SESSION_CHANGE",
      target: cohortId,
      detail: `${sessionId ? "修改课次" : "新建课次"}；${id}`,
    });
    return { ok: true as const, id };
  });
}

export type DeleteResult = { ok: true } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" | "HAS_ATTENDANCE" };

/**
 * Deletes a session nobody has checked in to or been marked for (one scheduled by mistake). A
 * session with attendance is refused: its 学时 count towards certificates and the 签到表 may
 * already be filed, so it is corrected (time, place) rather than removed.
 */
export async function deleteSession(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  cohortId: string,
  sessionId: string,
): Promise<DeleteResult> {
  if (!canManageSessions(viewer)) return { ok: false, code: "FORBIDDEN" };
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: cohortId }),
    select: { id: true },
  });
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  return db.$transaction(async (tx) => {
    const session = await tx.cohortSession.findFirst({
      where: { id: sessionId, cohortId },
      select: { id: true, title: true, _count: { select: { attendance: true } } },
    });
    if (!session) return { ok: false as const, code: "NOT_FOUND" as const };
    if (session._count.attendance > 0) return { ok: false as const, code: "HAS_ATTENDANCE" as const };
    // The count and the delete in one statement's condition: a check-in that lands in between
    // makes the delete match nothing instead of taking the new record with it.
    const gone = await tx.cohortSession.deleteMany({ where: { id: sessionId, cohortId, attendance: { none: {} } } });
    if (gone.count === 0) return { ok: false as const, code: "HAS_ATTENDANCE" as const };
    await recordAudit(tx, viewer, { action: "SESSION_CHANGE", target: cohortId, detail: `删除课次；${sessionId}` });
    return { ok: true as const };
  });
}

/** Sets the cohort's minimum attendance for the certificate (null: none). */
export async function setAttendanceRule(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  cohortId: string,
  minAttendancePercent: number | null,
): Promise<boolean> {
  if (!canManageSessions(viewer)) return false;
  return db.$transaction(async (tx) => {
    const changed = await tx.cohort.updateMany({
      where: scopedCohortWhere(viewer, { id: cohortId }),
      data: { minAttendancePercent },
    });
    if (changed.count === 0) return false;
    await recordAudit(tx, viewer, {
      action: "SESSION_CHANGE",
      target: cohortId,
      detail: `证书出勤要求；${minAttendancePercent ?? "无"}`,
    });
    return true;
  });
}
