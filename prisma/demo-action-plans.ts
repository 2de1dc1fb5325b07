// 行动计划 of the demo learners at every stage of follow-up, so the learner's page and the
// trainer's 行动计划 tab show something out of the box: some filed 12 days ago (no check-in yet),
// some 35 days ago (day 30 reported or waiting), some 64 and 95 days ago (later rounds, done and
// abandoned actions, one missed round). The filing days run back before the demo cohorts' classroom
// days: the demo shows the whole 90 days at once rather than a story that adds up day by day.
// Seeded once per cohort (a cohort where any member has a plan is left alone).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActionMetric, ActionStatus, ActionTool } from "@/lib/generated/prisma/enums";
import { parseBeijingDate } from "@/lib/action-plans/schema";
import { ROUNDS } from "@/lib/action-plans/rules";
import { formatDate } from "@/lib/format/beijing-time";
import { ROSTER_ORDER } from "./demo-roster-order";

const DAY = 86_400_000;
const COHORTS = ["SPRING26", "SOUTH26"];
const FILED_DAYS_AGO = [12, 35, 64, 95];

type Template = {
  tool: ActionTool;
  merchant?: string;
  description: string;
  metric: ActionMetric;
  metricName?: string;
  baseline: number;
  target: number;
};

const TEMPLATES: Template[] = [
  {
    tool: "PARTNERSHIP",
    merchant: "城东社区生鲜超市",
    description: "与生鲜超市谈工作日晚间刷卡立减，费用银商按比例分担",
    metric: "MERCHANT_SIGNINGS",
    baseline: 0,
    target: 1,
  },
  {
    tool: "DAILY_REPORT",
    description: "每天早会前看前一日动卡报表，名单内未动卡客户当天电话回访",
    metric: "ACTIVE_CARD_RATE",
    baseline: 38,
    target: 45,
  },
  {
    tool: "CORPORATE_EVENT",
    description: "在代发工资企业办一次午间办卡和分期讲解活动",
    metric: "NEW_ACTIVE_CUSTOMERS",
    baseline: 12,
    target: 40,
  },
  {
    tool: "OTHER",
    description: "在网点等候区讲解账单分期，重点推荐给大额消费客户",
    metric: "INSTALMENT_COUNT",
    baseline: 20,
    target: 35,
  },
];

const OBSTACLES = ["商户老板出差，谈判推迟", "报表下发晚，早会前拿不到", "企业行政排期紧，活动改期", "柜面人手紧张"];

/** The status an action reports at a round, by a fixed pattern over learner and action. */
function statusAt(learner: number, action: number, roundIndex: number): ActionStatus {
  const k = (learner + action) % 5;
  if (roundIndex === 0) return k === 0 ? "NOT_STARTED" : "IN_PROGRESS";
  if (k === 4 && roundIndex >= 1) return "ABANDONED";
  if (roundIndex === 1) return k <= 1 ? "IN_PROGRESS" : "DONE";
  return "DONE";
}

export async function seedDemoActionPlans(db: PrismaClient, now = new Date()) {
  for (const inviteCode of COHORTS) {
    const cohort = await db.cohort.findUnique({
      where: { inviteCode },
      select: {
        members: {
          where: { user: { email: { endsWith: "@demo.local" } } },
          orderBy: ROSTER_ORDER,
          select: { userId: true },
        },
      },
    });
    if (!cohort) continue;
    const userIds = cohort.members.map((m) => m.userId);
    if ((await db.actionPlan.count({ where: { userId: { in: userIds } } })) > 0) continue;
    for (const [i, userId] of userIds.entries()) {
      if (i % 5 === 4) continue; // a fifth have not filed: the trainer's share is not 100%
      const daysAgo = FILED_DAYS_AGO[i % FILED_DAYS_AGO.length]!;
      const filedAt = new Date(now.getTime() - daysAgo * DAY - (i % 7) * 3_600_000);
      const count = 1 + (i % 3);
      const dueOn = parseBeijingDate(formatDate(new Date(filedAt.getTime() + 80 * DAY)))!;
      await db.actionPlan.create({
        data: {
          userId,
          filedAt,
          actions: {
            create: Array.from({ length: count }, (_, a) => {
              const t = TEMPLATES[(i + a) % TEMPLATES.length]!;
              const checkIns = ROUNDS.flatMap((round, r) => {
                const at = filedAt.getTime() + round * DAY;
                // Not yet come; the odd learner lets a round pass unreported (late is allowed, missing too).
                if (at > now.getTime() || (i + r) % 6 === 5) return [];
                return [{ round, roundIndex: r, submittedAt: new Date(at + ((i % 4) + 1) * DAY) }];
              }).filter((c) => c.submittedAt <= now);
              const reports: {
                round: number;
                status: ActionStatus;
                result: number | null;
                obstacles: string;
                submittedAt: Date;
              }[] = [];
              for (const c of checkIns) {
                const status = statusAt(i, a, c.roundIndex);
                const step = (t.target - t.baseline) * (c.roundIndex + 1) * 0.35;
                reports.push({
                  round: c.round,
                  status,
                  result:
                    status === "NOT_STARTED"
                      ? null
                      : Math.round((t.baseline + (status === "DONE" ? t.target - t.baseline : step)) * 10) / 10,
                  obstacles:
                    status === "NOT_STARTED" || status === "ABANDONED" ? OBSTACLES[(i + a) % OBSTACLES.length]! : "",
                  submittedAt: c.submittedAt,
                });
                if (status === "DONE" || status === "ABANDONED") break;
              }
              return {
                position: a + 1,
                tool: t.tool,
                merchant: t.merchant ?? null,
                description: t.description,
                metric: t.metric,
                metricName: t.metricName ?? null,
                baseline: t.baseline,
                target: t.target,
                dueOn,
                checkIns: { create: reports },
              };
            }),
          },
        },
      });
    }
  }
}
