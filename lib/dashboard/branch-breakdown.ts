// The cohort's figures cut by 分行 and 支行/部门 (from the bank's roster): what a bank's training
// department reads first. One grouped statement over the same member summary as the matrix, so
// the numbers add up to the overview's.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "./course-shape";
import { cohortMembersSql, memberSummaryCte } from "./member-summary";
import { inactiveCutoff } from "./overview";

export type BranchRow = {
  branch: string;
  department: string;
  learners: number;
  started: number;
  completed: number;
  inactive: number;
  averageFinal: number | null;
};

export async function getBranchBreakdown(
  db: PrismaClient,
  shape: CourseShape,
  cohortId: string,
  now = new Date(),
): Promise<BranchRow[]> {
  const rows = await db.$queryRaw<
    {
      branch: string;
      department: string;
      learners: number;
      started: number;
      completed: number;
      inactive: number;
      average_final: number | null;
    }[]
  >`${memberSummaryCte(shape, cohortMembersSql([cohortId]), inactiveCutoff(now))}
    SELECT coalesce(u.branch, '') AS branch, coalesce(u.department, '') AS department,
           count(*)::int AS learners,
           count(*) FILTER (WHERE s.status <> 'not_started')::int AS started,
           count(*) FILTER (WHERE s.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE s.inactive)::int AS inactive,
           avg(s.final_best)::float8 AS average_final
    FROM summary_flags s JOIN "User" u ON u.id = s.user_id
    GROUP BY 1, 2
    ORDER BY coalesce(u.branch, '') COLLATE "C", coalesce(u.department, '') COLLATE "C"`;
  return rows.map((r) => ({
    branch: r.branch,
    department: r.department,
    learners: r.learners,
    started: r.started,
    completed: r.completed,
    inactive: r.inactive,
    averageFinal: r.average_final,
  }));
}

/** Whether anyone in the cohort has a 分行 or 部门 (self-registered cohorts have none). */
export const hasBranches = (rows: BranchRow[]) => rows.some((r) => r.branch !== "" || r.department !== "");
