// A cohort may ask for a minimum attendance of its classroom sessions before the certificate
// (Cohort.minAttendancePercent). The certificate is issued by the event that completes the
// course (lib/certificates/certificates.ts); this is the extra condition it checks, in SQL so it
// runs in that same transaction. A learner in several cohorts must meet every cohort's minimum.
// Attended = 出勤 or 迟到 (lib/attendance/rules.ts isAttended and meetsMinimum: a minimum with no
// session scheduled yet is not met, so nobody is certified before the classroom day exists).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { meetsMinimum } from "./rules";

/** Of the learners `candidates` yields (one column, user_id), those short of some cohort's minimum. */
export function shortOfAttendanceSql(candidates: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT m."userId" AS user_id
    FROM "CohortMember" m
    JOIN "Cohort" c ON c.id = m."cohortId"
    CROSS JOIN LATERAL (
      SELECT count(*) AS sessions,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "Attendance" a
          WHERE a."sessionId" = s.id AND a."userId" = m."userId" AND a.status IN ('PRESENT', 'LATE')
        )) AS attended
      FROM "CohortSession" s WHERE s."cohortId" = c.id
    ) t
    WHERE c."minAttendancePercent" IS NOT NULL
      AND m."userId" IN (SELECT user_id FROM (${candidates}) AS cand)
      AND (t.sessions = 0 OR t.attended * 100 < c."minAttendancePercent" * t.sessions)`;
}

export type Shortfall = { cohortName: string; attended: number; sessions: number; minPercent: number };

/** Why a learner whose course is complete has no certificate yet, per cohort; empty: nothing missing. */
export async function getAttendanceShortfalls(db: PrismaClient, userId: string): Promise<Shortfall[]> {
  const cohorts = await db.cohort.findMany({
    where: { minAttendancePercent: { not: null }, members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: {
      name: true,
      minAttendancePercent: true,
      _count: { select: { sessions: true } },
      sessions: {
        select: { attendance: { where: { userId, status: { in: ["PRESENT", "LATE"] } }, select: { userId: true } } },
      },
    },
  });
  return cohorts
    .map((c) => ({
      cohortName: c.name,
      attended: c.sessions.filter((s) => s.attendance.length > 0).length,
      sessions: c._count.sessions,
      minPercent: c.minAttendancePercent!,
    }))
    .filter((s) => !meetsMinimum(s.attended, s.sessions, s.minPercent));
}
