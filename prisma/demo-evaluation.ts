// Demo surveys and pre-tests for the dashboard's demo cohorts (SPRING26, SOUTH26), so the results
// and knowledge-gain pages show something out of the box: an answered anonymous 训后满意度 per
// cohort, a named 训前调研 and a pre-test in SPRING26, a pre-test in SOUTH26. Deterministic
// (seeded), idempotent (a cohort that has any survey run is left alone). The runs are closed, so
// the tokens here are keyed with a throwaway secret: nobody can answer them again anyway.
import { createHmac, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { drawQuestions } from "@/lib/quiz/draw";
import type { Question } from "@/lib/quiz/schema";
import { rightResponse, type Response } from "@/lib/quiz/score";
import { loadSurveys } from "@/lib/surveys/load";
import { surveyItems, type Survey, type SurveyAnswers } from "@/lib/surveys/schema";
import { ROSTER_ORDER } from "./demo-roster-order";

function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOST_USEFUL = [
  "四个发展阶段的框架，回去可以对照看看我们支行现在的考核重心。",
  "商户联合营销的案例很具体，特别是活动前后的指标怎么跟进。",
  "用卡场景反推办卡策略这部分，对我们做代发单位很有启发。",
  "激活率、活跃率这些指标的口径讲得很清楚，以前月报里经常混用。",
  "合规部分的真实案例，提醒我们营销话术要留痕。",
  "小组演练时间充足，能和其他分行的同事交流做法。",
  "对公客户切入个人业务的思路，适合我们园区客户。",
];
const SUGGESTIONS = [
  "希望多一些城商行、农商行规模的案例，大行的做法有些用不上。",
  "下午的内容有点赶，商户部分可以再多留点时间讨论。",
  "建议课前把讲义发给大家预习。",
  "会场空调偏冷，投影字小了一些，后排看不清。",
  "希望能有一次线上答疑，回去试做后再交流。",
  "案例数据如果能更新到今年就更好了。",
];
const EXPECTATIONS = [
  "想了解怎样提升新户激活率，现在发卡后三个月不动卡的比例偏高。",
  "希望学到和商户谈合作的方法，现在商户配合度不高。",
  "想知道其他银行怎么做场景营销，我们的活动总是做完就没有下文。",
  "希望弄清楚管控指标怎么设，支行之间的考核口径不统一。",
  "想了解对公客户的员工怎么批量开发信用卡。",
  "希望了解营销中的合规红线，避免投诉。",
];

type Rnd = () => number;
const pick = <T>(items: readonly T[], rnd: Rnd) => items[Math.floor(rnd() * items.length)]!;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

function postAnswers(survey: Survey, rnd: Rnd, mood: number): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const item of surveyItems(survey)) {
    if (item.type === "likert") out[item.id] = clamp(3.7 + mood * 1.3 + (rnd() - 0.5) * 1.4, 1, 5);
    else if (item.type === "nps") out[item.id] = clamp(7.9 + mood * 3 + (rnd() - 0.5) * 3, 0, 10);
    else if (item.type === "text" && item.id === "most-useful" && rnd() < 0.55) out[item.id] = pick(MOST_USEFUL, rnd);
    else if (item.type === "text" && item.id !== "most-useful" && rnd() < 0.35) out[item.id] = pick(SUGGESTIONS, rnd);
  }
  return out;
}

function preAnswers(survey: Survey, rnd: Rnd): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const item of surveyItems(survey)) {
    if (item.type === "choice") out[item.id] = pick(item.options, rnd);
    else if (item.type === "likert") out[item.id] = clamp(2.4 + (rnd() - 0.5) * 2.6, 1, 5);
    else if (item.type === "text" && item.required) out[item.id] = pick(EXPECTATIONS, rnd);
  }
  return out;
}

const DAY = 86_400_000;

export async function seedDemoEvaluation(db: PrismaClient, now = new Date()) {
  const surveys = new Map(loadSurveys().map((s) => [s.id, s]));
  const post = surveys.get("post-training");
  const pre = surveys.get("pre-training");
  if (!post || !pre) return { created: false };
  const secret = randomBytes(32);
  const token = (runId: string, userId: string) =>
    createHmac("sha256", secret).update(`survey-response\u0000${runId}\u0000${userId}`).digest("base64url");
  const pool = await db.questionVersion.findMany({
    where: { quizId: FINAL_QUIZ_ID, active: true },
    orderBy: { position: "asc" },
    select: { id: true, data: true },
  });
  const plan = [
    { inviteCode: "SPRING26", seed: 17, answerShare: 0.8, mood: 0.15, withPreSurvey: true },
    { inviteCode: "SOUTH26", seed: 29, answerShare: 0.7, mood: -0.2, withPreSurvey: false },
  ];
  let created = false;
  for (const p of plan) {
    const cohort = await db.cohort.findUnique({
      where: { inviteCode: p.inviteCode },
      select: {
        id: true,
        trainerId: true,
        surveyRuns: { select: { id: true }, take: 1 },
        members: { orderBy: ROSTER_ORDER, select: { userId: true, user: { select: { branch: true } } } },
      },
    });
    if (!cohort || cohort.surveyRuns.length > 0) continue;
    const rnd = random(p.seed);
    const members = cohort.members.map((m) => m.userId);
    const branchOf = new Map(cohort.members.map((m) => [m.userId, m.user.branch]));
    await db.$transaction(async (tx) => {
      const runAt = (opensDaysAgo: number, closesDaysAgo: number) => ({
        opensAt: new Date(now.getTime() - opensDaysAgo * DAY),
        closesAt: new Date(now.getTime() - closesDaysAgo * DAY),
      });
      const postRun = await tx.surveyRun.create({
        data: { cohortId: cohort.id, surveyId: post.id, anonymous: true, openedById: cohort.trainerId, ...runAt(9, 6) },
        select: { id: true },
      });
      const respondents = members.filter(() => rnd() < p.answerShare);
      await tx.surveyResponse.createMany({
        data: respondents.map((userId) => ({
          runId: postRun.id,
          token: token(postRun.id, userId),
          branch: branchOf.get(userId) ?? null,
          answers: postAnswers(post, rnd, p.mood + (rnd() - 0.5) * 0.9),
          submittedAt: new Date(now.getTime() - 8 * DAY + rnd() * 3_600_000 * 5),
        })),
      });
      if (p.withPreSurvey) {
        const preRun = await tx.surveyRun.create({
          data: {
            cohortId: cohort.id,
            surveyId: pre.id,
            anonymous: false,
            openedById: cohort.trainerId,
            ...runAt(44, 40),
          },
          select: { id: true },
        });
        await tx.surveyResponse.createMany({
          data: members
            .filter(() => rnd() < 0.85)
            .map((userId) => ({
              runId: preRun.id,
              token: token(preRun.id, userId),
              userId,
              branch: branchOf.get(userId) ?? null,
              answers: preAnswers(pre, rnd),
              submittedAt: new Date(now.getTime() - 43 * DAY + rnd() * DAY * 2),
            })),
        });
      }
      // The pre-test: most learners took it, scoring well below what they later scored in the final.
      const preTest = await tx.preTest.create({
        data: { cohortId: cohort.id, questionCount: 10, openedById: cohort.trainerId, ...runAt(44, 40) },
        select: { id: true },
      });
      const questions = pool.filter((v) => (v.data as Question).type !== "ordering");
      const drawPool = questions.map((v) => ({ id: v.id, module: (v.data as Question).tags[0] ?? "" }));
      const byId = new Map(questions.map((v) => [v.id, v.data as Question]));
      await tx.preTestAttempt.createMany({
        data: members
          .filter(() => rnd() < 0.85)
          .map((userId) => {
            const ids = drawQuestions(drawPool, { count: 10, minPerModule: 1 }, rnd);
            const ability = 0.3 + rnd() * 0.3;
            const results = Object.fromEntries(ids.map((id) => [id, rnd() < ability]));
            const answers: Record<string, Response> = {};
            for (const id of ids) if (results[id]) answers[id] = rightResponse(byId.get(id)!);
            const correct = Object.values(results).filter(Boolean).length;
            const at = new Date(now.getTime() - 42 * DAY + rnd() * DAY);
            return {
              preTestId: preTest.id,
              userId,
              questionIds: ids,
              answers,
              results,
              correct,
              total: ids.length,
              startedAt: at,
              submittedAt: at,
            };
          }),
      });
    });
    created = true;
  }
  return { created };
}
