// 学时 per learner of a cohort (docs/decisions/0021): classroom sessions attended (rules.ts
// earnsHours) plus online modules finished, each worth its lessons' reading time
// (lib/content/reading-time.ts) at 45 minutes a 学时. One function for the pages, the register
// and the exports, so every place shows the same figure.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { moduleReadingMinutes } from "@/lib/content/reading-time";
import { classroomHours, isAttended, onlineHours } from "./rules";

export type OnlineModule = { slug: string; lessons: string[]; minutes: number };

export function onlineModulesOf(modules: { slug: string; lessons: { slug: string; minutes: number }[] }[]) {
  return modules.map((m): OnlineModule => ({
    slug: m.slug,
    lessons: m.lessons.map((l) => l.slug),
    minutes: moduleReadingMinutes(m),
  }));
}

let current: OnlineModule[] | undefined;

/** The course in content/, read once per process. */
export async function currentOnlineModules(): Promise<OnlineModule[]> {
  if (!current) {
    const { getContent } = await import("@/lib/content");
    current = onlineModulesOf(getContent().modules);
  }
  return current;
}

export type LearnerHours = {
  sessions: number;
  attended: number;
  late: number;
  leave: number;
  absent: number;
  classroomHours: number;
  onlineHours: number;
  totalHours: number;
};

export const NO_HOURS: LearnerHours = {
  sessions: 0,
  attended: 0,
  late: 0,
  leave: 0,
  absent: 0,
  classroomHours: 0,
  onlineHours: 0,
  totalHours: 0,
};

/** Per learner of the cohort (those given: a page of the matrix, or all of an export): attendance counts and 学时. */
export async function getCohortHours(
  db: PrismaClient,
  cohortId: string,
  modules: OnlineModule[],
  userIds: string[],
): Promise<Map<string, LearnerHours>> {
  const members = Prisma.sql`SELECT unnest(${userIds}::text[]) AS user_id`;
  const [sessions, rows, online] = await Promise.all([
    db.cohortSession.count({ where: { cohortId } }),
    db.attendance.findMany({
      where: { session: { cohortId }, userId: { in: userIds } },
      select: {
        userId: true,
        status: true,
        signedOutAt: true,
        markedById: true,
        session: { select: { creditHours: true, signOutRequired: true } },
      },
    }),
    db.$queryRaw<{ user_id: string; minutes: number }[]>`
      WITH shape AS (
        SELECT * FROM unnest(${modules.map((m) => m.slug)}::text[], ${modules.map((m) => m.lessons.length)}::int[],
          ${modules.map((m) => m.minutes)}::int[]) AS s(module, lessons, minutes)
      ),
      shape_lessons AS (
        SELECT module, array_agg(lesson) AS list FROM unnest(${modules.flatMap((m) => m.lessons.map(() => m.slug))}::text[],
          ${modules.flatMap((m) => m.lessons)}::text[]) AS sl(module, lesson) GROUP BY module
      ),
      done AS (
        -- Ticks per module from the progress summary (docs/decisions/0028), counting only lessons
        -- still in the course.
        SELECT ps."userId" AS user_id, ps.unit AS module,
               (SELECT count(*) FROM unnest(ps.lessons) x WHERE x = ANY(sl.list))::int AS n
        FROM "ProgressSummary" ps JOIN shape_lessons sl ON sl.module = ps.unit
        WHERE ps."userId" IN (${members})
      )
      SELECT d.user_id, sum(s.minutes)::int AS minutes
      FROM done d JOIN shape s ON s.module = d.module AND d.n >= s.lessons AND s.lessons > 0
      GROUP BY 1`,
  ]);
  const out = new Map<string, LearnerHours>();
  const of = (id: string) => {
    let h = out.get(id);
    if (!h) out.set(id, (h = { ...NO_HOURS, sessions }));
    return h;
  };
  for (const id of userIds) of(id);
  const credited = new Map<string, Parameters<typeof classroomHours>[0]>();
  for (const r of rows) {
    const h = of(r.userId);
    if (isAttended(r.status)) h.attended++;
    if (r.status === "LATE") h.late++;
    if (r.status === "LEAVE") h.leave++;
    if (r.status === "ABSENT") h.absent++;
    const list = credited.get(r.userId) ?? [];
    list.push({ ...r.session, status: r.status, signedOutAt: r.signedOutAt, markedByHand: r.markedById !== null });
    credited.set(r.userId, list);
  }
  for (const [id, list] of credited) of(id).classroomHours = classroomHours(list);
  for (const o of online) of(o.user_id).onlineHours = onlineHours(o.minutes);
  for (const h of out.values()) h.totalHours = Math.round((h.classroomHours + h.onlineHours) * 10) / 10;
  return out;
}
