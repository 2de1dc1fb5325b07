// Recording a 签到 or 签退: from a scanned QR (through the pass it left) or a typed 6-digit code.
// One statement per check-in, keyed on (session, learner): a second scan, or a whole room
// scanning at once, records each learner exactly once. Domain codes out; pages phrase them.
import { COMPLETION_TX, issueCertificateIfComplete } from "@/lib/certificates/certificates";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hitLimit, LIMITS } from "@/lib/auth/rate-limit";
import {
  checkInStatus,
  checkInWindowProblem,
  CHECK_IN_OPENS_MS,
  SIGN_OUT_CLOSES_MS,
  type WindowProblem,
} from "./rules";
import { matchesManualCode, type Purpose } from "./token";

export type CheckInSession = { id: string; title: string; cohortName: string; startsAt: Date };

export type CheckInResult =
  | { ok: true; purpose: Purpose; status: AttendanceStatus; at: Date; again: boolean; session: CheckInSession }
  | {
      ok: false;
      code: "NO_SESSION" | "NOT_MEMBER" | WindowProblem | "NOT_CHECKED_IN" | "MARKED_AWAY";
      session?: CheckInSession;
    };

type Row = { status: AttendanceStatus; checkedInAt: Date | null; signedOutAt: Date | null };

/**
 * Records the learner at the session, at `at` (the moment of the scan). 签到: 出勤 or 迟到 by
 * the session's grace minutes; a row the trainer marked 缺勤/请假 before the learner arrived
 * becomes the scan. 签退: on the learner's own 签到 only.
 */
export async function recordCheckIn(
  db: PrismaClient,
  input: { sessionId: string; userId: string; purpose: Purpose; at: Date },
): Promise<CheckInResult> {
  const s = await db.cohortSession.findUnique({
    where: { id: input.sessionId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      graceMinutes: true,
      cohortId: true,
      cohort: { select: { name: true, minAttendancePercent: true } },
    },
  });
  if (!s) return { ok: false, code: "NO_SESSION" };
  const session = { id: s.id, title: s.title, cohortName: s.cohort.name, startsAt: s.startsAt };
  const member = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId: s.cohortId, userId: input.userId } },
    select: { userId: true },
  });
  if (!member) return { ok: false, code: "NOT_MEMBER", session };
  const windowProblem = checkInWindowProblem(s, input.at, input.purpose);
  if (windowProblem) return { ok: false, code: windowProblem, session };

  if (input.purpose === "out") {
    const [done] = await db.$queryRaw<Row[]>`
      UPDATE "Attendance" SET "signedOutAt" = ${input.at}, "updatedAt" = now()
      WHERE "sessionId" = ${s.id} AND "userId" = ${input.userId}
        AND status IN ('PRESENT', 'LATE') AND "signedOutAt" IS NULL
      RETURNING status, "checkedInAt", "signedOutAt"`;
    if (done) {
      if (s.cohort.minAttendancePercent !== null) await certify(db, input.userId);
      return { ok: true, purpose: "out", status: done.status, at: input.at, again: false, session };
    }
    const row = await readRow(db, s.id, input.userId);
    if (row?.signedOutAt && (row.status === "PRESENT" || row.status === "LATE"))
      return { ok: true, purpose: "out", status: row.status, at: row.signedOutAt, again: true, session };
    return { ok: false, code: "NOT_CHECKED_IN", session };
  }

  const status = checkInStatus(s, input.at);
  const [recorded] = await db.$queryRaw<Row[]>`
    INSERT INTO "Attendance" ("sessionId", "userId", status, "checkedInAt", "updatedAt")
    VALUES (${s.id}, ${input.userId}, ${status}::"AttendanceStatus", ${input.at}, now())
    ON CONFLICT ("sessionId", "userId") DO UPDATE
      SET status = EXCLUDED.status, "checkedInAt" = EXCLUDED."checkedInAt", "updatedAt" = now()
      WHERE "Attendance"."checkedInAt" IS NULL AND "Attendance".status IN ('ABSENT')
    RETURNING status, "checkedInAt", "signedOutAt"`;
  if (recorded) {
    if (s.cohort.minAttendancePercent !== null) await certify(db, input.userId);
    return { ok: true, purpose: "in", status: recorded.status, at: input.at, again: false, session };
  }
  const row = await readRow(db, s.id, input.userId);
  if (row && (row.status === "PRESENT" || row.status === "LATE"))
    return { ok: true, purpose: "in", status: row.status, at: row.checkedInAt ?? input.at, again: true, session };
  // 请假 marked by the trainer: a scan does not overrule it silently; the learner asks the trainer.
  return { ok: false, code: "MARKED_AWAY", session };
}

async function readRow(db: PrismaClient, sessionId: string, userId: string): Promise<Row | null> {
  return db.attendance.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { status: true, checkedInAt: true, signedOutAt: true },
  });
}

/** Attendance can complete a certificate that a cohort's minimum held back. */
export async function certify(db: PrismaClient, userId: string) {
  const course = await currentCourseShape();
  await db.$transaction((tx) => issueCertificateIfComplete(tx, course, userId), COMPLETION_TX);
}

export type CodeResult = CheckInResult | { ok: false; code: "WRONG_CODE" | "TOO_MANY" };

/**
 * The typed 6-digit code: which of the learner's sessions open now shows it (签到 or 签退), then
 * as a scan at this moment. Counted per account, so the code cannot be found by trying.
 */
export async function checkInWithCode(
  db: PrismaClient,
  secret: string,
  userId: string,
  code: string,
  now = new Date(),
): Promise<CodeResult> {
  if (await hitLimit(db, LIMITS.checkInCodePerUser(userId))) return { ok: false, code: "TOO_MANY" };
  const open = await db.cohortSession.findMany({
    where: {
      cohort: { members: { some: { userId } } },
      startsAt: { lte: new Date(now.getTime() + CHECK_IN_OPENS_MS) },
      endsAt: { gte: new Date(now.getTime() - SIGN_OUT_CLOSES_MS) },
    },
    select: { id: true },
  });
  for (const s of open) {
    for (const purpose of ["in", "out"] as const) {
      if (matchesManualCode(secret, s.id, code, now.getTime(), purpose))
        return recordCheckIn(db, { sessionId: s.id, userId, purpose, at: now });
    }
  }
  return { ok: false, code: "WRONG_CODE" };
}
