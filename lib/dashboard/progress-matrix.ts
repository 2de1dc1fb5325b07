// The progress matrix: learners × modules, filtered, sorted and paged in PostgreSQL. A page costs
// two statements whatever the cohort size: the learners of the page (with the total), then their
// cells (lessons done and best scores per module), both from the progress summaries (0028).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { shapeArrays, type CourseShape } from "./course-shape";
import { cohortMembersSql, memberSummaryCte } from "./member-summary";
import { inactiveCutoff } from "./overview";
import { PAGE_SIZE, type MatrixQuery } from "./params";
import { cellStatus, type CellStatus, type LearnerStatus } from "./stats";

export type MatrixCell = {
  status: CellStatus;
  lessonsDone: number;
  lessonsTotal: number;
  best: number | null;
  attempts: number;
  passed: boolean;
};

export type MatrixRow = {
  userId: string;
  name: string;
  email: string | null;
  employeeNo: string | null;
  branch: string | null;
  department: string | null;
  joinedAt: Date;
  status: LearnerStatus;
  inactive: boolean;
  lessonsDone: number;
  modulesDone: number;
  finalBest: number | null;
  finalPassed: boolean;
  certifiedAt: Date | null;
  lastActive: Date | null;
  cells: MatrixCell[];
};

type SummaryRow = {
  user_id: string;
  name: string;
  email: string | null;
  employee_no: string | null;
  branch: string | null;
  department: string | null;
  joined_at: Date;
  status: LearnerStatus;
  inactive: boolean;
  lessons_done: number;
  modules_done: number;
  final_best: number | null;
  final_passed: boolean;
  certified_at: Date | null;
  last_active: Date | null;
  total: bigint | number;
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const dirSql = (dir: MatrixQuery["dir"]) => (dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);

// Pinyin order (lib/sorting/pinyin.ts); the name itself breaks ties (a and A share a key).
const byName = (d: Prisma.Sql = Prisma.sql`ASC`) => Prisma.sql`u."nameSortKey" COLLATE "C" ${d}, u.name ${d}`;

function orderBy(sort: MatrixQuery["sort"], dir: MatrixQuery["dir"]): Prisma.Sql {
  // Whitelisted fragments only: the sort key never reaches SQL as text.
  const d = dirSql(dir);
  switch (sort) {
    case "name":
      return Prisma.sql`${byName(d)}, s.user_id`;
    case "progress":
      return Prisma.sql`s.modules_done ${d}, s.lessons_done ${d}, ${byName()}, s.user_id`;
    case "last_active":
      return Prisma.sql`s.last_active ${d} NULLS LAST, ${byName()}, s.user_id`;
    case "final":
      return Prisma.sql`s.final_best ${d} NULLS LAST, ${byName()}, s.user_id`;
  }
}

function whereOf(query: Pick<MatrixQuery, "q" | "status" | "branch" | "dept">): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.q) {
    const like = likePattern(query.q);
    parts.push(
      Prisma.sql`(u.name ILIKE ${like} OR u.email ILIKE ${like} OR u."employeeNo" ILIKE ${like} OR u.mobile ILIKE ${like})`,
    );
  }
  if (query.branch) parts.push(Prisma.sql`u.branch = ${query.branch}`);
  if (query.dept) parts.push(Prisma.sql`u.department = ${query.dept}`);
  if (query.status === "inactive") parts.push(Prisma.sql`s.inactive`);
  else if (query.status !== "all") parts.push(Prisma.sql`s.status = ${query.status}`);
  return Prisma.join(parts, " AND ");
}

async function summaryRows(
  db: PrismaClient,
  shape: CourseShape,
  cohortId: string,
  query: MatrixQuery,
  limit: number | null,
  now: Date,
) {
  const page = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(query.page - 1) * limit}`;
  if (query.sort === "name" && query.status === "all") {
    // The default view orders by name and filters on nothing the summary computes: page the
    // members first and summarise only the page (50 learners, not the whole cohort).
    const members = Prisma.sql`SELECT cm."cohortId" AS cohort_id, cm."userId" AS user_id, cm."joinedAt" AS joined_at,
        u.name, u."nameSortKey" AS name_sort_key, u.email, u."employeeNo" AS employee_no, u.branch, u.department,
        count(*) OVER () AS total
      FROM "CohortMember" cm JOIN "User" u ON u.id = cm."userId"
      WHERE cm."cohortId" = ${cohortId} AND ${whereOf({ ...query, status: "all" })}
      ORDER BY ${byName(dirSql(query.dir))}, cm."userId" ${page}`;
    return db.$queryRaw<SummaryRow[]>`${memberSummaryCte(shape, members, inactiveCutoff(now))}
      SELECT s.user_id, s.name, s.email, s.employee_no, s.branch, s.department, s.joined_at, s.status, s.inactive, s.lessons_done, s.modules_done,
             s.final_best, s.final_passed, s.certified_at, s.last_active, s.total
      FROM summary_flags s
      ORDER BY s.name_sort_key COLLATE "C" ${dirSql(query.dir)}, s.name ${dirSql(query.dir)}, s.user_id`;
  }
  return db.$queryRaw<SummaryRow[]>`${memberSummaryCte(shape, cohortMembersSql([cohortId]), inactiveCutoff(now))}
    SELECT s.user_id, u.name, u.email, u."employeeNo" AS employee_no, u.branch, u.department, s.joined_at, s.status, s.inactive, s.lessons_done, s.modules_done,
           s.final_best, s.final_passed, s.certified_at, s.last_active, count(*) OVER () AS total
    -- OFFSET 0: the summary of every member is planned on its own, without the status filter,
    -- which the planner cannot estimate (it guesses 20 of 4,000) and would otherwise answer with
    -- one index probe per member into the roll-up, final and activity rows (npm run bench).
    FROM (SELECT * FROM summary_flags OFFSET 0) s JOIN "User" u ON u.id = s.user_id
    WHERE ${whereOf(query)}
    ORDER BY ${orderBy(query.sort, query.dir)}
    ${page}`;
}

async function cellsFor(db: PrismaClient, shape: CourseShape, userIds: string[]) {
  const a = shapeArrays(shape);
  const units = [...new Set([...a.moduleSlugs, ...a.moduleQuizzes.filter(Boolean)])];
  // The page's learners' summary rows (docs/decisions/0028): ticks per module, attempts per quiz.
  const rows = userIds.length
    ? await db.$queryRaw<
        {
          user_id: string;
          unit: string;
          lessons: string[] | null;
          attempts: number;
          best: number | null;
          passed: boolean;
        }[]
      >`
        SELECT ps."userId" AS user_id, ps.unit, ps.lessons, ps.attempts, ps.best, ps.passed
        FROM "ProgressSummary" ps
        WHERE ps."userId" = ANY(${userIds}::text[]) AND ps.unit = ANY(${units}::text[])`
    : [];
  const byKey = new Map(rows.map((r) => [`${r.user_id}|${r.unit}`, r]));
  return (userId: string): MatrixCell[] =>
    shape.modules.map((m) => {
      const ticked = new Set(byKey.get(`${userId}|${m.slug}`)?.lessons ?? []);
      const done = m.lessons.filter((l) => ticked.has(l)).length;
      const q = m.quizId ? byKey.get(`${userId}|${m.quizId}`) : undefined;
      const attempts = q?.attempts ?? 0;
      return {
        status: cellStatus(done, m.lessons.length, attempts, q?.passed ?? false, m.quizId !== null),
        lessonsDone: done,
        lessonsTotal: m.lessons.length,
        best: q?.best ?? null,
        attempts,
        passed: q?.passed ?? false,
      };
    });
}

function toRow(r: SummaryRow, cells: (id: string) => MatrixCell[]): MatrixRow {
  return {
    userId: r.user_id,
    name: r.name,
    email: r.email,
    employeeNo: r.employee_no,
    branch: r.branch,
    department: r.department,
    joinedAt: r.joined_at,
    status: r.status,
    inactive: r.inactive,
    lessonsDone: r.lessons_done,
    modulesDone: r.modules_done,
    finalBest: r.final_best,
    finalPassed: r.final_passed,
    certifiedAt: r.certified_at,
    lastActive: r.last_active,
    cells: cells(r.user_id),
  };
}

export type MatrixPage = { rows: MatrixRow[]; total: number; page: number; pages: number; pageSize: number };

export async function getProgressMatrix(
  db: PrismaClient,
  shape: CourseShape,
  cohortId: string,
  query: MatrixQuery,
  now = new Date(),
): Promise<MatrixPage> {
  let page = query.page;
  let rows = await summaryRows(db, shape, cohortId, query, PAGE_SIZE, now);
  if (rows.length === 0 && page > 1) {
    // Past the last page (an old link, a hand-edited URL): show the last page instead of nothing.
    const all = await summaryRows(db, shape, cohortId, { ...query, page: 1 }, 1, now);
    const total = Number(all[0]?.total ?? 0);
    page = Math.max(1, Math.ceil(total / PAGE_SIZE));
    rows = await summaryRows(db, shape, cohortId, { ...query, page }, PAGE_SIZE, now);
  }
  const total = Number(rows[0]?.total ?? 0);
  const cells = await cellsFor(
    db,
    shape,
    rows.map((r) => r.user_id),
  );
  return {
    rows: rows.map((r) => toRow(r, cells)),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
  };
}

/** Every row that matches the filters, for the export (no paging). */
export async function getProgressMatrixAll(
  db: PrismaClient,
  shape: CourseShape,
  cohortId: string,
  query: MatrixQuery,
  now = new Date(),
) {
  const rows = await summaryRows(db, shape, cohortId, query, null, now);
  const cells = await cellsFor(
    db,
    shape,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => toRow(r, cells));
}
