// Classroom days for the demo cohorts: past sessions with a realistic register (most on time, a
// few late, one or two 请假 with a note, the odd absence) and one session today, Beijing date, so
// the check-in screen, the register and the 签到表 show something out of the box. Seeded once per
// cohort (a cohort with sessions is left alone); keepDemoCohortsCurrent moves them with the rest.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { beijingInstant } from "@/lib/attendance/schema";
import { formatDate } from "@/lib/format/beijing-time";
import { ROSTER_ORDER } from "./demo-roster-order";

const DAY = 86_400_000;
const MINUTE = 60_000;

type Plan = { title: string; daysAgo: number; start: string; end: string; hours: number; signOut?: boolean };

const PLANS: Record<string, { venue: string; trainerName: string; sessions: Plan[] }> = {
  SPRING26: {
    venue: "总行培训中心 3 楼 301 教室",
    trainerName: "李强",
    sessions: [
      { title: "第一天上午 · 场景化金融生态概览", daysAgo: 14, start: "09:00", end: "12:00", hours: 3 },
      {
        title: "第一天下午 · 信用卡业务转型案例研讨",
        daysAgo: 14,
        start: "13:30",
        end: "17:00",
        hours: 3.5,
        signOut: true,
      },
      { title: "第二天上午 · 场景获客与活动设计", daysAgo: 7, start: "09:00", end: "12:00", hours: 3 },
      { title: "结业日 · 行动计划与结业测评", daysAgo: 0, start: "09:00", end: "17:30", hours: 6 },
    ],
  },
  SOUTH26: {
    venue: "华南分行 8 楼多功能厅",
    trainerName: "李强",
    sessions: [
      { title: "集中培训 · 场景化金融生态", daysAgo: 10, start: "09:00", end: "17:00", hours: 6 },
      { title: "复盘工作坊 · 分期与商户合作", daysAgo: 0, start: "14:00", end: "17:30", hours: 3 },
    ],
  },
  DEMO2026: {
    venue: "总行培训中心 2 楼 203 教室",
    trainerName: "李强",
    sessions: [
      { title: "开班导学 · 课程与学习安排", daysAgo: 3, start: "09:00", end: "11:30", hours: 2.5 },
      { title: "集中面授 · 场景化金融生态", daysAgo: 0, start: "09:00", end: "17:00", hours: 6 },
    ],
  },
};

const LEAVE_NOTES = ["病假，已报部门审批", "外出参加监管检查", "事假，已提前请假"];

/** mulberry32, as in demo-cohort.ts: the same register on every machine. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoSessions(db: PrismaClient, now = new Date()) {
  for (const [inviteCode, plan] of Object.entries(PLANS)) {
    const cohort = await db.cohort.findUnique({
      where: { inviteCode },
      select: {
        id: true,
        _count: { select: { sessions: true } },
        members: { orderBy: ROSTER_ORDER, select: { userId: true } },
      },
    });
    if (!cohort || cohort._count.sessions > 0) continue;
    const rnd = random(inviteCode.length * 7919 + cohort.members.length);
    const members = cohort.members.map((m) => m.userId);
    await db.$transaction(async (tx) => {
      for (const p of plan.sessions) {
        const day = formatDate(new Date(now.getTime() - p.daysAgo * DAY));
        const startsAt = beijingInstant(day, p.start);
        const endsAt = beijingInstant(day, p.end);
        const session = await tx.cohortSession.create({
          data: {
            cohortId: cohort.id,
            title: p.title,
            startsAt,
            endsAt,
            venue: plan.venue,
            trainerName: plan.trainerName,
            creditHours: p.hours,
            graceMinutes: 10,
            signOutRequired: p.signOut ?? false,
          },
          select: { id: true },
        });
        // Today's session: only the arrivals up to now, so the screen's count goes on from there.
        const until = Math.min(now.getTime(), startsAt.getTime() + 40 * MINUTE);
        const rows: {
          sessionId: string;
          userId: string;
          status: AttendanceStatus;
          checkedInAt: Date | null;
          signedOutAt: Date | null;
          note: string | null;
        }[] = [];
        for (const [i, userId] of members.entries()) {
          const r = rnd();
          if (i % 11 === 4) {
            rows.push({
              sessionId: session.id,
              userId,
              status: "LEAVE",
              checkedInAt: null,
              signedOutAt: null,
              note: LEAVE_NOTES[i % LEAVE_NOTES.length]!,
            });
            continue;
          }
          if (r < 0.05) continue; // did not come (or not yet), nobody marked it
          const late = r > 0.88;
          const at = startsAt.getTime() + (late ? 11 + rnd() * 25 : -25 + rnd() * 30) * MINUTE;
          if (at > until) continue;
          rows.push({
            sessionId: session.id,
            userId,
            status: late ? "LATE" : "PRESENT",
            checkedInAt: new Date(at),
            signedOutAt: p.signOut && rnd() < 0.9 ? new Date(endsAt.getTime() + rnd() * 10 * MINUTE) : null,
            note: null,
          });
        }
        await tx.attendance.createMany({ data: rows });
      }
    });
  }
}
