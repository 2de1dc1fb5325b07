// The progress matrix: learners × modules, filtered, sorted and paged in PostgreSQL. A page costs
// two statements whatever the cohort size: the learners of the page (with the total), then their
// cells (lessons done and best scores per module), both from the progress summaries (0028).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { shapeArrays, type CourseShape } from "./course-shape";
import {
  cohortMembersSql,
  factsColumns,
  factsJoins,
  inactiveSql,
  lessonsDoneSql,
  memberStatusIs,
  memberSummaryCte,
  moduleRowsCtes,
  modulesDoneSql,
  perLearnerCte,
  progressJoins,
} from "./member-summary";
import { inactiveCutoff } from "./overview";
import { containsPattern } from "@/lib/validation/search-params";
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

const dirSql = (dir: MatrixQuery["dir"]) => (dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`);

/** Where the sort's figures are: in the ranking of every member, or in summary_flags for the page. */
type SortColumns = {
  modulesDone: Prisma.Sql;
  lessonsDone: Prisma.Sql;
  lastActive: Prisma.Sql;
  finalBest: Prisma.Sql;
  nameSortKey: Prisma.Sql;
  name: Prisma.Sql;
  userId: Prisma.Sql;
};

function orderBy(sort: MatrixQuery["sort"], dir: MatrixQuery["dir"], c: SortColumns): Prisma.Sql {
  // Whitelisted fragments only: the sort key never reaches SQL as text.
  const d = dirSql(dir);
  // Pinyin order (lib/sorting/pinyin.ts); the name itself breaks ties (a and A share a key).
  const byName = (n: Prisma.Sql = Prisma.sql`ASC`) => Prisma.sql`${c.nameSortKey} COLLATE "C" ${n}, ${c.name} ${n}`;
  switch (sort) {
    case "name":
      return Prisma.sql`${byName(d)}, ${c.userId}`;
    case "progress":
      return Prisma.sql`${c.modulesDone} ${d}, ${c.lessonsDone} ${d}, ${byName()}, ${c.userId}`;
    case "last_active":
      return Prisma.sql`${c.lastActive} ${d} NULLS LAST, ${byName()}, ${c.userId}`;
    case "final":
      return Prisma.sql`${c.finalBest} ${d} NULLS LAST, ${byName()}, ${c.userId}`;
  }
}

function whereOf(query: Pick<MatrixQuery, "q" | "status" | "branch" | "dept">, inactiveBefore: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.q) {
    const like = containsPattern(query.q);
    parts.push(
      Prisma.sql`(u.name ILIKE ${like} OR u.email ILIKE ${like} OR u."employeeNo" ILIKE ${like} OR u.mobile ILIKE ${like})`,
    );
  }
  if (query.branch) parts.push(Prisma.sql`u.branch = ${query.branch}`);
  if (query.dept) parts.push(Prisma.sql`u.department = ${query.dept}`);
  if (query.status !== "all") parts.push(memberStatusIs(query.status, inactiveBefore));
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
  const cutoff = inactiveCutoff(now);
  if (query.sort === "name" && query.status === "all") {
    // The default view orders by name and filters on nothing the summary computes: page the
    // members first and summarise only the page (50 learners, not the whole cohort).
    const members = Prisma.sql`SELECT cm."cohortId" AS cohort_id, cm."userId" AS user_id, cm."joinedAt" AS joined_at,
        u.name, u."nameSortKey" AS name_sort_key, u.email, u."employeeNo" AS employee_no, u.branch, u.department,
        count(*) OVER () AS total
      FROM "CohortMember" cm JOIN "User" u ON u.id = cm."userId"
      WHERE cm."cohortId" = ${cohortId} AND ${whereOf(query, cutoff)}
      ORDER BY ${orderBy(query.sort, query.dir, byUser(Prisma.sql`cm."userId"`))} ${page}`;
    return db.$queryRaw<SummaryRow[]>`${memberSummaryCte(shape, members, cutoff)}
      SELECT s.user_id, s.name, s.email, s.employee_no, s.branch, s.department, s.joined_at, s.status, s.inactive, s.lessons_done, s.modules_done,
             s.final_best, s.final_passed, s.certified_at, s.last_active, s.total
      FROM summary_flags s
      ORDER BY ${orderBy(query.sort, query.dir, summarised)}`;
  }
  // Filtered by status or sorted by a figure: rank every member on only what the filter and the
  // sort read (progress, names, and the activity or final row when sorted by them), with the
  // status as tests of existence, take the page, and only then read the page's other figures.
  // Summarising every member first (4,000 activity, final and certificate rows, for 50 shown) and
  // filtering on the computed status was most of this page's time (decision 0028, "margins").
  const a = shapeArrays(shape);
  const lastActive = query.sort === "last_active";
  const final = query.sort === "final";
  return db.$queryRaw<SummaryRow[]>`
    WITH members AS (${cohortMembersSql([cohortId])}),
    ${moduleRowsCtes(shape)},
    ${perLearnerCte(shape)},
    ranked AS (
      SELECT m.user_id, m.joined_at, u.name, u."nameSortKey" AS name_sort_key,
        ${lessonsDoneSql} AS lessons_done, ${modulesDoneSql} AS modules_done, count(*) OVER () AS total
      FROM (${cohortMembersSql([cohortId])}) m
      JOIN "User" u ON u.id = m.user_id
      ${progressJoins(shape)}
      ${lastActive ? Prisma.sql`LEFT JOIN "LearnerActivity" la ON la."userId" = m.user_id` : Prisma.empty}
      ${final ? Prisma.sql`LEFT JOIN "ProgressSummary" f ON f."userId" = m.user_id AND f.unit = ${a.finalQuizId}` : Prisma.empty}
      WHERE ${whereOf(query, cutoff)}
      ORDER BY ${orderBy(query.sort, query.dir, {
        ...byUser(Prisma.sql`m.user_id`),
        modulesDone: modulesDoneSql,
        lessonsDone: lessonsDoneSql,
        lastActive: lastActive ? Prisma.sql`la."activeAt"` : Prisma.empty,
        finalBest: final ? Prisma.sql`f.best` : Prisma.empty,
      })}
      ${page}
    ),
    summary AS (
      SELECT m.*, u.email, u."employeeNo" AS employee_no, u.branch, u.department, ${factsColumns}
      FROM ranked m JOIN "User" u ON u.id = m.user_id
      ${factsJoins(shape)}
    )
    SELECT s.user_id, s.name, s.email, s.employee_no, s.branch, s.department, s.joined_at, s.status,
           ${inactiveSql(Prisma.sql`s`, cutoff)} AS inactive, s.lessons_done, s.modules_done,
           s.final_best, s.final_passed, s.certified_at, s.last_active, s.total
    FROM summary s
    ORDER BY ${orderBy(query.sort, query.dir, summarised)}`;
}

/** The sort's columns while ranking members (u: User, the figures where the sort needs them). */
const byUser = (userId: Prisma.Sql): SortColumns => ({
  modulesDone: Prisma.empty,
  lessonsDone: Prisma.empty,
  lastActive: Prisma.empty,
  finalBest: Prisma.empty,
  nameSortKey: Prisma.sql`u."nameSortKey"`,
  name: Prisma.sql`u.name`,
  userId,
});
const summarised: SortColumns = {
  modulesDone: Prisma.sql`s.modules_done`,
  lessonsDone: Prisma.sql`s.lessons_done`,
  lastActive: Prisma.sql`s.last_active`,
  finalBest: Prisma.sql`s.final_best`,
  nameSortKey: Prisma.sql`s.name_sort_key`,
  name: Prisma.sql`s.name`,
  userId: Prisma.sql`s.user_id`,
};

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
