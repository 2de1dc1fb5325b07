// The register of one session: every member of the cohort with their attendance, sorted as the
// bank's 签到表 is (分行, 部门, then name in pinyin order); the trainer's hand marks (audited);
// and the live figures the projector shows while people arrive.
import { recordAudit } from "@/lib/audit/audit-log";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { compareNames } from "@/lib/sorting/pinyin";
import { containsPattern } from "@/lib/validation/search-params";
import { certify } from "./check-in";
import { REGISTER_PAGE_SIZE, type RegisterQuery } from "./register-query";
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

/** Counts by status of (status, how many) pairs: every member once, none marked = missing. */
function countRegister(groups: { status: AttendanceStatus | null; n: number }[]): RegisterCounts {
  const c = { members: 0, present: 0, late: 0, leave: 0, absent: 0, missing: 0 };
  for (const { status, n } of groups) {
    c.members += n;
    if (status === "PRESENT") c.present += n;
    else if (status === "LATE") c.late += n;
    else if (status === "LEAVE") c.leave += n;
    else if (status === "ABSENT") c.absent += n;
    else c.missing += n;
  }
  return c;
}

export type RegisterPage = {
  /** The page's rows, in the register's order (分行, 部门, name). */
  rows: RegisterRow[];
  /** The whole session's figures, whatever the search. */
  counts: RegisterCounts;
  /** The cohort's 分行, in pinyin order, for the filter. */
  branches: string[];
  /** Members the search and filter match. */
  total: number;
  page: number;
  pages: number;
};

/** A column's place in `ranks` (pinyinRanks) as SQL; blank, or unseen when ranked, with the blanks. */
function rankSql(ranks: Map<string | null, number>, column: Prisma.Sql): Prisma.Sql {
  const known = [...ranks].filter((e): e is [string, number] => e[0] !== null);
  const blank = ranks.get(null) ?? Math.max(-1, ...ranks.values()) + 1;
  return Prisma.sql`coalesce((${known.map((e) => e[1])}::int[])[array_position(${known.map((e) => e[0])}::text[], ${column})], ${blank})`;
}

/**
 * One page of the register in the whole register's order (getRegister's), searched by name or
 * 工号 and filtered by 分行, with the whole session's counts. A bank's session can have thousands of
 * members (issue 18): the whole list took longer than the line to read and put a form per member
 * on the page. Two statements whatever the size: the members grouped by (分行, 部门, status), which
 * gives the counts, the 分行 list and each 分行 and 部门's place in pinyin order; then the page,
 * ordered by those places.
 */
export async function getRegisterPage(
  db: PrismaClient,
  cohortId: string,
  sessionId: string,
  query: RegisterQuery,
): Promise<RegisterPage> {
  const groups = await db.$queryRaw<
    { branch: string | null; department: string | null; status: AttendanceStatus | null; n: number }[]
  >`
    SELECT u.branch, u.department, a.status, count(*)::int AS n
    FROM "CohortMember" m
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "Attendance" a ON a."sessionId" = ${sessionId} AND a."userId" = m."userId"
    WHERE m."cohortId" = ${cohortId}
    GROUP BY 1, 2, 3`;
  const branches = pinyinRanks(groups.map((g) => g.branch));
  const departments = pinyinRanks(groups.map((g) => g.department));
  const where: Prisma.Sql[] = [Prisma.sql`m."cohortId" = ${cohortId}`];
  if (query.q) {
    const like = containsPattern(query.q);
    where.push(Prisma.sql`(u.name ILIKE ${like} OR u."employeeNo" ILIKE ${like})`);
  }
  if (query.branch) where.push(Prisma.sql`u.branch = ${query.branch}`);
  // Without a search the groups say how many match: no count over the page's statement, and a
  // page past the last (an old link, fewer members since) is known before reading it.
  const known = query.q
    ? null
    : groups.filter((g) => !query.branch || g.branch === query.branch).reduce((sum, g) => sum + g.n, 0);
  const read = (page: number) => db.$queryRaw<(RegisterRow & { total?: number })[]>`
    SELECT u.id AS "userId", u.name, u."employeeNo", u.branch, u.department,
      a.status, a."checkedInAt", a."signedOutAt", (a."markedById" IS NOT NULL) AS "markedByHand", a.note
      ${known === null ? Prisma.sql`, count(*) OVER ()::int AS total` : Prisma.empty}
    FROM "CohortMember" m
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "Attendance" a ON a."sessionId" = ${sessionId} AND a."userId" = m."userId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${rankSql(branches, Prisma.sql`u.branch`)}, ${rankSql(departments, Prisma.sql`u.department`)},
      u."nameSortKey" COLLATE "C", u.name, u.id
    LIMIT ${REGISTER_PAGE_SIZE} OFFSET ${(page - 1) * REGISTER_PAGE_SIZE}`;
  const lastPage = (total: number) => Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  let page = known === null ? query.page : Math.min(query.page, lastPage(known));
  let rows = await read(page);
  if (rows.length === 0 && page > 1) {
    // Past the last page of a search: the last page instead of nothing.
    const total = (await read(1))[0]?.total ?? 0;
    page = lastPage(total);
    rows = total > 0 ? await read(page) : [];
  }
  const total = known ?? rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _, ...row }) => row),
    counts: countRegister(groups),
    branches: [...branches.keys()]
      .filter((b): b is string => b !== null && b.trim() !== "")
      .sort((x, y) => branches.get(x)! - branches.get(y)! || (x < y ? -1 : 1)),
    total,
    page,
    pages: lastPage(total),
  };
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
