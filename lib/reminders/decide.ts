// Who is due a reminder today, and by which rule, decided in PostgreSQL: the one decision path
// in production, for the 待提醒 page (counts for the whole cohort and one page of names) and for
// sending (一键催学 and the automatic job). lib/reminders/rules.ts is the executable
// specification: this SQL must name exactly whom dueReminders names, with the same rule and
// module, and tests/integration/reminders.test.ts compares the two for every member at each
// rule's boundary to the millisecond (docs/decisions/0026, amendment). A change to a rule goes
// into both.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { rollupKeptFor } from "@/lib/dashboard/learner-progress";
import { moduleRowsCtes } from "@/lib/dashboard/member-summary";
import { checkInDueFor } from "./check-ins";
import { REMINDER_PAGE_SIZE, type ReminderQuery, filterRule } from "./params";
import { beijingDay, DAY_MS, dueSoonDates, INACTIVE_DAYS, REMINDER_RULES, type ReminderRule } from "./rules";
import { getReminderSettings, type ReminderSettingsView } from "./settings";

/** How a learner would be reached: by mail, or only through the trainer's list (and why). */
export type Reach = "EMAIL" | "LIST_EMAIL_OFF" | "LIST_OPTED_OUT" | "LIST_NO_EMAIL";
export const REACHES: readonly Reach[] = ["EMAIL", "LIST_EMAIL_OFF", "LIST_OPTED_OUT", "LIST_NO_EMAIL"];

export type PendingReminder = {
  userId: string;
  name: string;
  branch: string | null;
  rule: ReminderRule;
  moduleSlug?: string;
  reach: Reach;
  /** Already reminded today (by any cohort): 一键催学 skips them. */
  remindedToday: boolean;
};

/**
 * A WITH clause defining `decided(user_id, name_key, branch, rule, module_slug, reach,
 * reminded_today)`: one row per member some rule names today, as rules.ts dueReminders
 * decides it. The rules' facts come from the progress summaries (docs/decisions/0028): last tick
 * or submit, the final passed, and which modules are done. Every module matters only to a learner
 * who has passed the final (course done needs both), so the others' summary rows are read just
 * for the modules due soon (usually none). The modules due soon, in the order the rule tries them,
 * are computed in Node by rules.ts dueSoonDates (a Beijing-day question about the cohort's
 * settings, not about learners) and passed in. Only ids and the few columns the rules, counts and
 * order need are carried through it: the page joins names for its 50 rows; sending asks for
 * `name` and `email` too (`withContact`).
 */
function decidedSql(
  cohortId: string,
  course: CourseShape,
  settings: ReminderSettingsView,
  now: Date,
  withContact = false,
): Prisma.Sql {
  // Sending needs everyone's name and address: carried along rather than joined again.
  const contact = (t: string) => (withContact ? Prisma.raw(`${t}.name, ${t}.email,`) : Prisma.empty);
  const asked = dueSoonDates(settings, settings.dueDates, now).map((d) => d.moduleSlug);
  const finalQuiz = course.finalQuizId ?? "";
  const noFinal = course.finalQuizId === null;
  // rules.ts: now - joinedAt >= days × DAY_MS, i.e. joinedAt <= now - days × DAY_MS (milliseconds,
  // as the columns hold them).
  const cutOff = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return Prisma.sql`
    WITH cohort_members AS (
      SELECT cm."userId" AS user_id, cm."joinedAt" AS joined_at, coalesce(f.passed, false) AS final_passed, ${contact("u")}
             u."nameSortKey" AS name_key, u.branch, u."reminderEmailOptOut" AS opt_out,
             coalesce(u.email, '') <> '' AS has_email
      FROM "CohortMember" cm JOIN "User" u ON u.id = cm."userId"
      LEFT JOIN "ProgressSummary" f ON f."userId" = cm."userId" AND f.unit = ${finalQuiz}
      WHERE cm."cohortId" = ${cohortId} AND u.role = 'LEARNER' AND NOT u.disabled AND u."erasedAt" IS NULL
    ),
    members AS (SELECT user_id FROM cohort_members WHERE final_passed OR ${noFinal}),
    ${moduleRowsCtes(
      course,
      asked.length === 0
        ? Prisma.sql`(SELECT * FROM "ProgressSummary" WHERE "userId" IN (SELECT user_id FROM members))`
        : Prisma.sql`(SELECT * FROM "ProgressSummary" WHERE "userId" IN (SELECT user_id FROM members)
        UNION ALL
        SELECT * FROM "ProgressSummary"
        WHERE unit = ANY(${asked}::text[]) AND "userId" IN (SELECT user_id FROM cohort_members EXCEPT SELECT user_id FROM members))`,
    )},
    -- Without the roll-up for this course, the modules each member has done come from the summary
    -- rows above; with it (the usual case) this is a one-time false filter and they are never
    -- computed: facts reads LearnerProgress's one narrow row per learner instead.
    done AS (
      SELECT user_id, array_agg(DISTINCT module) AS modules FROM module_rows
      WHERE done AND NOT ${rollupKeptFor(course)} GROUP BY user_id
    ),
    facts AS (
      SELECT m.*, la."doneAt" AS done_at,
             -- rules.ts: modulesDone.size === course.modules.length && (no final || final passed)
             ((${noFinal} OR m.final_passed) AND coalesce(cardinality(coalesce(lp.modules, d.modules)), 0) = ${course.modules.length}) AS course_done,
             -- rules.ts: the first module due soon (soonest first) not done. Usually no module is
             -- due soon: then nothing is asked of each member (4,000 subqueries less at bank scale).
             ${
               asked.length === 0
                 ? Prisma.sql`NULL::text`
                 : Prisma.sql`(SELECT a.slug FROM unnest(${asked}::text[]) WITH ORDINALITY AS a(slug, i)
              WHERE coalesce(lp.modules, d.modules) IS NULL OR NOT a.slug = ANY(coalesce(lp.modules, d.modules)) ORDER BY a.i LIMIT 1)`
             } AS due_module
      FROM cohort_members m
      LEFT JOIN done d ON d.user_id = m.user_id
      LEFT JOIN "LearnerProgress" lp ON lp."userId" = m.user_id AND ${rollupKeptFor(course)}
      LEFT JOIN "LearnerActivity" la ON la."userId" = m.user_id
    ),
    -- Materialized: each member's first three rules are decided once (inlined, PostgreSQL would
    -- evaluate the CASE again for every reference).
    ruled AS MATERIALIZED (
      SELECT f.*,
             CASE WHEN f.course_done THEN NULL
                  WHEN f.due_module IS NOT NULL THEN 'DUE_SOON'
                  WHEN ${settings.notStartedOn} AND f.done_at IS NULL AND f.joined_at <= ${cutOff(settings.notStartedDays)}
                    THEN 'NOT_STARTED'
                  WHEN ${settings.inactiveOn} AND f.done_at <= ${cutOff(INACTIVE_DAYS)} THEN 'INACTIVE'
             END AS rule
      FROM facts f
    ),
    -- The last rule, asked only of the members the others left unnamed: a few index probes each.
    -- OFFSET 0 keeps those few apart, so the probe is costed for them alone; costed for every
    -- member (as inside the CASE above), the estimate alone switches on JIT compilation, which
    -- takes several times the whole statement.
    check_in_due AS (
      SELECT u.user_id
      FROM (SELECT r.user_id FROM ruled r WHERE r.rule IS NULL AND NOT r.course_done AND ${settings.checkInDueOn} OFFSET 0) u
      WHERE ${checkInDueFor(Prisma.sql`u.user_id`, now)}
    ),
    decided AS (
      SELECT r.user_id, ${contact("r")} r.name_key, r.branch, coalesce(r.rule, 'CHECK_IN_DUE') AS rule,
             CASE WHEN r.rule = 'DUE_SOON' THEN r.due_module END AS module_slug,
             CASE WHEN NOT ${settings.emailOn} THEN 'LIST_EMAIL_OFF'
                  WHEN r.opt_out THEN 'LIST_OPTED_OUT'
                  WHEN r.has_email THEN 'EMAIL'
                  ELSE 'LIST_NO_EMAIL' END AS reach,
             -- Reminded today by any cohort: the key of "once a day" is per learner.
             r.user_id IN (SELECT "userId" FROM "ReminderSend" WHERE day = ${beijingDay(now)}) AS reminded_today
      FROM ruled r
      WHERE r.rule IS NOT NULL OR r.user_id IN (SELECT user_id FROM check_in_due)
    )`;
}

type DecidedRow = {
  user_id: string;
  name: string;
  branch: string | null;
  rule: ReminderRule;
  module_slug: string | null;
  reach: Reach;
  reminded_today: boolean;
};

const pending = (r: DecidedRow): PendingReminder => ({
  userId: r.user_id,
  name: r.name,
  branch: r.branch,
  rule: r.rule,
  ...(r.module_slug === null ? {} : { moduleSlug: r.module_slug }),
  reach: r.reach,
  remindedToday: r.reminded_today,
});

// Names in pinyin order (lib/sorting/pinyin.ts), as the other lists of people.
const BY_NAME = Prisma.sql`d.name_key COLLATE "C", u.name, d.user_id`;

/**
 * Everyone due today, with their address: what sending acts on (an action, not a page load, so
 * it may carry thousands of rows).
 */
export async function allDueReminders(db: PrismaClient, cohortId: string, course: CourseShape, now: Date) {
  const settings = await getReminderSettings(db, cohortId);
  const rows = await db.$queryRaw<(DecidedRow & { email: string | null })[]>`
    ${decidedSql(cohortId, course, settings, now, true)}
    SELECT user_id, name, email, branch, rule, module_slug, reach, reminded_today
    FROM decided ORDER BY name_key COLLATE "C", name, user_id`;
  return {
    settings,
    pending: rows.map(pending),
    emails: new Map(rows.map((r) => [r.user_id, r.email])),
  };
}

/** Counts of one rule: by reach, and how many were already reminded today (by any reach). */
export type RuleCounts = { total: number; remindedToday: number; byReach: Record<Reach, number> };

export type ReminderPage = {
  settings: ReminderSettingsView;
  /** Per rule, for the whole cohort (whatever the filter). */
  counts: Record<ReminderRule, RuleCounts>;
  all: RuleCounts;
  /** Not yet reminded today, by reach: whom 一键催学 would remind now. */
  fresh: Record<Reach, number>;
  /** The due learners' 分行, with how many each. */
  branches: { branch: string; n: number }[];
  /** Learners matching the filter, and the page shown (clamped to the last one). */
  total: number;
  page: number;
  pages: number;
  rows: PendingReminder[];
};

const noCounts = (): RuleCounts => ({
  total: 0,
  remindedToday: 0,
  byReach: { EMAIL: 0, LIST_EMAIL_OFF: 0, LIST_OPTED_OUT: 0, LIST_NO_EMAIL: 0 },
});

/**
 * The 待提醒 page: counts per rule, reach and "reminded today" for the whole cohort, the due
 * learners' 分行, and one page of names (pinyin order) for the filter, in one statement that
 * returns one row however large the cohort. A page past the last shows the last.
 */
export async function reminderPage(
  db: PrismaClient,
  cohortId: string,
  course: CourseShape,
  now: Date,
  query: ReminderQuery,
): Promise<ReminderPage> {
  const settings = await getReminderSettings(db, cohortId);
  const rule = filterRule(query.rule);
  const size = REMINDER_PAGE_SIZE;
  const [row] = await db.$queryRaw<
    {
      counts: { rule: ReminderRule; reach: Reach; reminded_today: boolean; n: number }[];
      branches: { branch: string; n: number }[];
      total: number;
      rows: DecidedRow[];
    }[]
  >`
    ${decidedSql(cohortId, course, settings, now)},
    -- Not materialized: each use filters decided again (a few thousand rows in memory), cheaper
    -- than copying them once more.
    filtered AS NOT MATERIALIZED (
      SELECT * FROM decided
      WHERE (${rule}::text IS NULL OR rule = ${rule}) AND (${query.branch} = '' OR branch = ${query.branch})
    ),
    total AS (SELECT count(*)::int AS n FROM filtered),
    -- The page's first row (a page past the last shows the last).
    start AS (SELECT least(${query.page - 1}, greatest(n - 1, 0) / ${size}) * ${size} AS n FROM total),
    -- Names are joined for the page alone. The page's sort keys lie between the keys at its first
    -- and last positions in key order (names only break ties of keys), so only the rows with keys
    -- in that range (the page and any ties) are named and sorted, from the place they start at.
    bounds AS (
      SELECT min(name_key COLLATE "C") AS lo, max(name_key COLLATE "C") AS hi
      FROM (SELECT name_key FROM filtered ORDER BY name_key COLLATE "C" LIMIT ${size} OFFSET (SELECT n FROM start)) k
    ),
    page_rows AS (
      SELECT d.user_id, u.name, d.branch, d.rule, d.module_slug, d.reach, d.reminded_today,
             row_number() OVER (ORDER BY ${BY_NAME}) AS position
      FROM filtered d JOIN "User" u ON u.id = d.user_id, bounds b
      WHERE d.name_key COLLATE "C" BETWEEN b.lo AND b.hi
      ORDER BY ${BY_NAME}
      LIMIT ${size}
      -- On the first page nothing sorts before its first key: the count is skipped.
      OFFSET (SELECT CASE WHEN s.n = 0 THEN 0
                          ELSE s.n - (SELECT count(*) FROM filtered d, bounds b WHERE d.name_key COLLATE "C" < b.lo) END
              FROM start s)
    )
    SELECT
      (SELECT coalesce(json_agg(c), '[]') FROM (
         SELECT rule, reach, reminded_today, count(*)::int AS n FROM decided GROUP BY rule, reach, reminded_today
       ) c) AS counts,
      (SELECT coalesce(json_agg(b ORDER BY b.branch), '[]') FROM (
         SELECT branch, count(*)::int AS n FROM decided WHERE coalesce(branch, '') <> '' GROUP BY branch
       ) b) AS branches,
      (SELECT n FROM total) AS total,
      (SELECT coalesce(json_agg(p ORDER BY p.position), '[]') FROM page_rows p) AS rows`;
  const counts = Object.fromEntries(REMINDER_RULES.map((r) => [r, noCounts()])) as Record<ReminderRule, RuleCounts>;
  const all = noCounts();
  const fresh = noCounts().byReach;
  for (const c of row!.counts) {
    if (!c.reminded_today) fresh[c.reach] += c.n;
    for (const into of [counts[c.rule], all]) {
      into.total += c.n;
      into.byReach[c.reach] += c.n;
      if (c.reminded_today) into.remindedToday += c.n;
    }
  }
  const pages = Math.max(1, Math.ceil(row!.total / size));
  return {
    settings,
    counts,
    all,
    fresh,
    branches: row!.branches,
    total: row!.total,
    page: Math.min(query.page, pages),
    pages,
    rows: row!.rows.map(pending),
  };
}
