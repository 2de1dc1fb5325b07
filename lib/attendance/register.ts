// The register of one session: every member of the cohort with their attendance, sorted as the
// bank's 签到表 is (分行, 部门, then name in pinyin order); the trainer's hand marks (audited);
// and the live figures the projector shows while people arrive.
import { recordAudit } from "@/lib/audit/audit-log";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { compareNames } from "@/lib/sorting/pinyin";
import { certify } from "./check-in";
import { isAttended } from "./rules";
import { canManageSessions } from "./sessions";

export type RegisterRow = {
  userId: string;
  name: string;
  employeeNo: string | null;
  branch: string | null;
  department: string | null;
  status: AttendanceStatus | null;
  checkedInAt: Date | null;
  signedOutAt: Date | null;
  markedByHand: boolean;
  note: string | null;
};

export async function getRegister(db: PrismaClient, cohortId: string, sessionId: string): Promise<RegisterRow[]> {
  const rows = await db.$queryRaw<RegisterRow[]>`
    SELECT u.id AS "userId", u.name, u."employeeNo", u.branch, u.department,
      a.status, a."checkedInAt", a."signedOutAt", (a."markedById" IS NOT NULL) AS "markedByHand", a.note
    FROM "CohortMember" m
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "Attendance" a ON a."sessionId" = ${sessionId} AND a."userId" = m."userId"
    WHERE m."cohortId" = ${cohortId}
    ORDER BY u."nameSortKey" COLLATE "C", u.name, u.id`;
  // 分行 and 部门 in pinyin order too: a stable sort keeps the names' order. Each distinct value is
  // ranked once (a bank's cohort has thousands of members but a few dozen 分行 and 部门).
  const branch = pinyinRanks(rows.map((r) => r.branch));
  const department = pinyinRanks(rows.map((r) => r.department));
  return rows.sort(
    (a, b) =>
      branch.get(a.branch)! - branch.get(b.branch)! || department.get(a.department)! - department.get(b.department)!,
  );
}

/** Each value's place in compareNames order (equal under it, equal rank; none last). */
function pinyinRanks(values: (string | null)[]): Map<string | null, number> {
  const place = (v: string | null) => v ?? "\uffff";
  const distinct = [...new Set(values)].sort((a, b) => compareNames(place(a), place(b)));
  const ranks = new Map<string | null, number>();
  let rank = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && compareNames(place(distinct[i - 1]!), place(v)) !== 0) rank++;
    ranks.set(v, rank);
  });
  return ranks;
}

export type RegisterCounts = {
  members: number;
  present: number;
  late: number;
  leave: number;
  absent: number;
  missing: number;
};

export function countRegister(rows: Pick<RegisterRow, "status">[]): RegisterCounts {
  const c = { members: rows.length, present: 0, late: 0, leave: 0, absent: 0, missing: 0 };
  for (const r of rows) {
    if (r.status === "PRESENT") c.present++;
    else if (r.status === "LATE") c.late++;
    else if (r.status === "LEAVE") c.leave++;
    else if (r.status === "ABSENT") c.absent++;
    else c.missing++;
  }
  return c;
}

export type LiveSummary = {
  members: number;
  checkedIn: number;
  signedOut: number;
  latest: { name: string; at: Date; status: AttendanceStatus }[];
};

/** What the check-in screen shows: how many are in, and the latest arrivals' names. */
export async function getLiveSummary(db: PrismaClient, cohortId: string, sessionId: string): Promise<LiveSummary> {
  const [members, checkedIn, signedOut, latest] = await Promise.all([
    db.cohortMember.count({ where: { cohortId } }),
    db.attendance.count({ where: { sessionId, status: { in: ["PRESENT", "LATE"] } } }),
    db.attendance.count({ where: { sessionId, signedOutAt: { not: null } } }),
    db.attendance.findMany({
      where: { sessionId, status: { in: ["PRESENT", "LATE"] }, checkedInAt: { not: null } },
      orderBy: [{ checkedInAt: "desc" }, { userId: "asc" }],
      take: 8,
      select: { checkedInAt: true, status: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    members,
    checkedIn,
    signedOut,
    latest: latest.map((r) => ({ name: r.user.name, at: r.checkedInAt!, status: r.status })),
  };
}

export type MarkResult = { ok: true } | { ok: false; code: "FORBIDDEN" | "NOT_MEMBER" };

/**
 * The trainer's hand mark: 出勤/迟到/请假/缺勤 with a note. A scan's time is kept (it is
 * evidence); a hand-marked 出勤 without one shows as 补登. Audited with ids only.
 */
export async function markAttendance(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  input: { sessionId: string; userId: string; status: AttendanceStatus; note: string | null },
): Promise<MarkResult> {
  if (!canManageSessions(viewer)) return { ok: false, code: "FORBIDDEN" };
  const session = await db.cohortSession.findFirst({
    where: { id: input.sessionId, cohort: scopedCohortWhere(viewer) },
    select: { id: true, cohortId: true, cohort: { select: { minAttendancePercent: true } } },
  });
  if (!session) return { ok: false, code: "FORBIDDEN" };
  const member = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId: session.cohortId, userId: input.userId } },
    select: { userId: true },
  });
  if (!member) return { ok: false, code: "NOT_MEMBER" };
  await db.$transaction(async (tx) => {
    const before = await tx.attendance.findUnique({
      where: { sessionId_userId: { sessionId: session.id, userId: input.userId } },
      select: { status: true },
    });
    await tx.attendance.upsert({
      where: { sessionId_userId: { sessionId: session.id, userId: input.userId } },
      create: {
        sessionId: session.id,
        userId: input.userId,
        status: input.status,
        note: input.note,
        markedById: viewer.id,
      },
      update: { status: input.status, note: input.note, markedById: viewer.id },
      select: { status: true },
    });
    await recordAudit(tx, viewer, {
      action: "ATTENDANCE_MARK",
      target: session.id,
      detail: `${input.userId};${before?.status ?? "未签到"}→${input.status}`,
      rows: 1,
    });
  });
  if (session.cohort.minAttendancePercent !== null && isAttended(input.status)) await certify(db, input.userId);
  return { ok: true };
}

/** One learner's attendance across the cohort's sessions, for the trainer's drill-down. */
export async function getLearnerSessions(db: PrismaClient, cohortId: string, userId: string) {
  const sessions = await db.cohortSession.findMany({
    where: { cohortId },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      startsAt: true,
      creditHours: true,
      attendance: {
        where: { userId },
        select: { status: true, checkedInAt: true, signedOutAt: true, markedById: true, note: true },
      },
    },
  });
  return sessions.map(({ attendance, ...s }) => ({ ...s, attendance: attendance[0] ?? null }));
}
