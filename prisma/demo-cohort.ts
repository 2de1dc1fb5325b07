// A demo cohort big enough for the trainer dashboard to say something out of the box: 36
// learners at different stages (not started, stalled, half way, finished), with lesson progress,
// quiz attempts including failed ones and retakes, and certificates, spread over the last six
// weeks. Deterministic (seeded random numbers), so every fresh start shows the same picture.
import { randomUUID } from "node:crypto";
import type { Content } from "@/lib/content/load";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { newCertificateId } from "@/lib/certificates/certificates";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { drawQuestions } from "@/lib/quiz/draw";
import type { Question } from "@/lib/quiz/schema";
import { isCorrect, rightResponse, type Response } from "@/lib/quiz/score";
import { nameSortKey } from "@/lib/sorting/pinyin";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈".split("");
const GIVEN = [
  "子涵",
  "欣怡",
  "浩然",
  "雨桐",
  "梓萱",
  "宇轩",
  "思远",
  "佳怡",
  "俊杰",
  "诗琪",
  "晨阳",
  "一诺",
  "雅婷",
  "天佑",
  "可馨",
  "博文",
  "若曦",
  "明哲",
];

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible wrong answer: the first distractor is the tempting one, as in real quizzes. */
function wrongResponse(q: Question, rnd: () => number): Response {
  switch (q.type) {
    case "single": {
      const wrong = q.choices.filter((c) => !c.correct);
      const pick = rnd() < 0.6 ? wrong[0]! : wrong[Math.floor(rnd() * wrong.length)]!;
      return { type: "single", choice: pick.id };
    }
    case "multiple": {
      const right = q.choices.filter((c) => c.correct).map((c) => c.id);
      const wrong = q.choices.filter((c) => !c.correct).map((c) => c.id);
      return rnd() < 0.5 || wrong.length === 0
        ? { type: "multiple", choices: right.slice(1) }
        : { type: "multiple", choices: [...right, wrong[0]!] };
    }
    case "truefalse":
      return { type: "truefalse", value: !q.answer };
    case "ordering": {
      const order = q.items.map((_, i) => i);
      [order[0], order[1]] = [order[1]!, order[0]!];
      return { type: "ordering", order };
    }
    case "numeric":
      return {
        type: "numeric",
        value: rnd() < 0.5 ? q.answer * 10 : Math.round((q.answer + q.tolerance + 1) * 100) / 100,
      };
  }
}

type Version = { id: string; data: Question };

const DEMO_BRANCHES = ["上海分行", "杭州分行", "南京分行"];
const DEMO_DEPARTMENTS = ["信用卡部", "零售金融部", "城区支行"];

export const DEMO_COHORTS_FOR_DASHBOARD = [
  { inviteCode: "SPRING26", name: "2026 春季信用卡中心业务骨干班", size: 36, seed: 20260301, abilityShift: 0 },
  { inviteCode: "SOUTH26", name: "华南分行信用卡团队", size: 24, seed: 20260415, abilityShift: -0.4 },
] as const;

/** Seeds both dashboard demo cohorts (each once). */
export async function seedDemoCohorts(
  db: PrismaClient,
  content: Content,
  trainerId: string,
  passwordHash: string,
  organisationOf: (inviteCode: string) => string,
  now = new Date(),
) {
  let created = false;
  for (const [n, c] of DEMO_COHORTS_FOR_DASHBOARD.entries()) {
    const r = await seedDemoCohort(
      db,
      content,
      trainerId,
      passwordHash,
      { ...c, emailPrefix: n === 0 ? "spring" : "south", organisationId: organisationOf(c.inviteCode) },
      now,
    );
    created ||= r.created;
  }
  return { created };
}

type CohortSpec = {
  inviteCode: string;
  name: string;
  size: number;
  seed: number;
  abilityShift: number;
  emailPrefix: string;
  organisationId: string;
};

export async function seedDemoCohort(
  db: PrismaClient,
  content: Content,
  trainerId: string,
  passwordHash: string,
  spec: CohortSpec,
  now = new Date(),
) {
  const existing = await db.cohort.findUnique({ where: { inviteCode: spec.inviteCode }, select: { id: true } });
  if (existing) return { created: false };
  const rnd = random(spec.seed);
  const quizzes = await db.quiz.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      passMark: true,
      drawCount: true,
      drawMinPerModule: true,
      versions: { where: { active: true }, orderBy: { position: "asc" }, select: { id: true, data: true } },
    },
  });
  const quizById = new Map(
    quizzes.map((q) => [
      q.id,
      {
        passMark: q.passMark,
        versions: q.versions as unknown as Version[],
        draw: q.drawCount ? { count: q.drawCount, minPerModule: q.drawMinPerModule } : null,
      },
    ]),
  );
  // Per question, how easy it is (some questions are simply harder); same for every cohort.
  const easiness = new Map<string, number>();
  const qrnd = random(7);
  for (const q of quizzes) for (const v of q.versions) easiness.set(v.id, qrnd() * 2 - 0.6);

  const day = 86_400_000;
  const start = now.getTime() - 42 * day;
  const users: {
    id: string;
    email: string;
    name: string;
    nameSortKey: string;
    passwordHash: string;
    createdAt: Date;
    organisationId: string;
    employeeNo: string;
    branch: string;
    department: string;
    position: string;
  }[] = [];
  const lessons: { userId: string; moduleSlug: string; lessonSlug: string; completedAt: Date }[] = [];
  const attempts: {
    id: string;
    userId: string;
    quizId: string;
    questionIds: string[];
    startedAt: Date;
    submittedAt: Date;
    correct: number;
    total: number;
    percent: number;
    passed: boolean;
  }[] = [];
  const answers: {
    attemptId: string;
    questionVersionId: string;
    response: Response;
    correct: boolean;
    savedAt: Date;
  }[] = [];
  const certificates: { id: string; userId: string; name: string; issuedAt: Date }[] = [];

  for (let i = 0; i < spec.size; i++) {
    const userId = `demo${randomUUID().replaceAll("-", "").slice(0, 21)}`;
    const name = `${SURNAMES[(i * 7 + spec.seed) % SURNAMES.length]}${GIVEN[(i * 5 + Math.floor(i / 3) + spec.seed) % GIVEN.length]}`;
    users.push({
      id: userId,
      email: `${spec.emailPrefix}${String(i + 1).padStart(2, "0")}@demo.local`,
      name,
      nameSortKey: nameSortKey(name),
      passwordHash,
      createdAt: new Date(start),
      // Roster fields as a bank's import would give them (by position, so the random draws
      // that shape progress stay as they were).
      organisationId: spec.organisationId,
      employeeNo: `${spec.emailPrefix.toUpperCase()}${String(1001 + i)}`,
      branch: DEMO_BRANCHES[i % DEMO_BRANCHES.length]!,
      department: DEMO_DEPARTMENTS[Math.floor(i / 3) % DEMO_DEPARTMENTS.length]!,
      position: i % 6 === 0 ? "团队负责人" : "客户经理",
    });
    if (i % 9 === 0) continue; // joined, never started

    // Three kinds of learner: finishers (done 1–20 days ago), drop-outs (quiet for 9–30 days),
    // and the ones still at it (active in the last few days).
    const ability = rnd() * 2.4 - 0.9 + spec.abilityShift;
    const kind = rnd();
    const finisher = kind < 0.3;
    const dropout = !finisher && kind < 0.5;
    const reach = finisher
      ? content.modules.length + 1
      : 1 + Math.floor(rnd() * (dropout ? 4 : content.modules.length));
    const endAt = now.getTime() - (finisher ? 1 + rnd() * 19 : dropout ? 9 + rnd() * 21 : rnd() * 4) * day;
    const beginAt = start + rnd() * 4 * day;

    // Simulate in abstract steps, then spread the steps between beginAt and endAt.
    type Event = { t: number; apply: (at: Date) => void };
    const events: Event[] = [];
    let t = 0;
    let doneLessons = 0;
    const takeQuiz = (quizId: string): boolean => {
      const quiz = quizById.get(quizId);
      if (!quiz) return true;
      for (let attempt = 0; attempt < 3; attempt++) {
        const id = `demo${randomUUID().replaceAll("-", "").slice(0, 21)}`;
        // A pool quiz (the final) draws each attempt's questions, as the real start does.
        const drawn = quiz.draw
          ? new Set(
              drawQuestions(
                quiz.versions.map((v) => ({ id: v.id, module: v.data.tags[0] ?? "" })),
                quiz.draw,
                rnd,
              ),
            )
          : null;
        const picked = quiz.versions
          .filter((v) => !drawn || drawn.has(v.id))
          .map((v) => {
            // Retakes come after reading the explanations: a little more likely to be right.
            const p = 1 / (1 + Math.exp(-(ability * 1.4 + easiness.get(v.id)! + attempt * 0.9)));
            const response = rnd() < p ? rightResponse(v.data) : wrongResponse(v.data, rnd);
            return { v, response, ok: isCorrect(v.data, response), gap: 20_000 + rnd() * 60_000 };
          });
        const correct = picked.filter((x) => x.ok).length;
        const total = picked.length;
        const percent = (correct / total) * 100;
        const passed = percent >= quiz.passMark;
        t += 1;
        events.push({
          t,
          apply: (at) => {
            let clock = at.getTime();
            for (const x of picked) {
              clock += x.gap;
              answers.push({
                attemptId: id,
                questionVersionId: x.v.id,
                response: x.response,
                correct: x.ok,
                savedAt: new Date(clock),
              });
            }
            attempts.push({
              id,
              userId,
              quizId,
              questionIds: picked.map((x) => x.v.id),
              startedAt: at,
              submittedAt: new Date(clock),
              correct,
              total,
              percent,
              passed,
            });
          },
        });
        if (passed) return true;
        t += 0.5;
      }
      return false;
    };
    let stillGoing = true;
    for (const [mi, m] of content.modules.entries()) {
      if (mi >= reach || !stillGoing) break;
      const lastModule = mi === reach - 1 && !finisher;
      for (const [li, l] of m.lessons.entries()) {
        if (lastModule && li > 0 && rnd() < 0.35) break; // still part-way through this module
        t += 1;
        doneLessons++;
        events.push({
          t,
          apply: (at) => lessons.push({ userId, moduleSlug: m.slug, lessonSlug: l.slug, completedAt: at }),
        });
      }
      if (lastModule && rnd() < 0.4) break; // has not tried this module's quiz yet
      if (!takeQuiz(m.slug)) stillGoing = false;
    }
    if (finisher && stillGoing && takeQuiz(FINAL_QUIZ_ID)) {
      const total = content.modules.reduce((n, m) => n + m.lessons.length, 0);
      if (doneLessons === total) {
        events.push({
          t,
          apply: (at) =>
            certificates.push({ id: newCertificateId(), userId, name, issuedAt: new Date(at.getTime() + 120_000) }),
        });
      }
    }
    const span = Math.max(t, 1);
    for (const e of events) e.apply(new Date(beginAt + ((endAt - beginAt) * e.t) / span));
  }

  const write = async (tx: Prisma.TransactionClient) => {
    const cohort = await tx.cohort.create({
      data: {
        name: spec.name,
        inviteCode: spec.inviteCode,
        trainerId,
        organisationId: spec.organisationId,
        startsOn: new Date(start),
        endsOn: new Date(now.getTime() + 30 * day),
      },
      select: { id: true },
    });
    await tx.user.createMany({ data: users });
    await tx.cohortMember.createMany({
      data: users.map((u) => ({ cohortId: cohort.id, userId: u.id, joinedAt: new Date(start) })),
    });
    await tx.lessonProgress.createMany({ data: lessons });
    await tx.attempt.createMany({ data: attempts });
    await tx.answer.createMany({ data: answers });
    await tx.certificate.createMany({ data: certificates });
  };
  // Thousands of rows: on a busy machine this outlasts Prisma's default 5-second transaction.
  await db.$transaction(write, { timeout: 60_000 });
  return { created: true };
}

const DAY_MS = 86_400_000;

/**
 * Keeps the dashboard's demo cohorts looking as they did on the day they were seeded: moves
 * their learners' dates forward by the whole days since then, so "inactive for 7 days", the
 * completions chart and "last activity" still tell the intended story on a demo instance that
 * has been running for weeks. Only demo accounts (@demo.local) in the demo cohorts move, never
 * by more than keeps their latest activity in the past, and all in one transaction.
 * The seed day is read back from the cohort's end date (seeded as seed day + 30), which moves
 * with the rest, so running this again the same day does nothing.
 */
export async function keepDemoCohortsCurrent(db: PrismaClient, now = new Date()) {
  let shiftedDays = 0;
  for (const spec of DEMO_COHORTS_FOR_DASHBOARD) {
    shiftedDays = Math.max(shiftedDays, await db.$transaction((tx) => moveDemoCohort(tx, spec.inviteCode, now)));
  }
  return { shiftedDays };
}

/** Moves one demo cohort's dates; returns the whole days moved (0 when already current). */
async function moveDemoCohort(tx: Prisma.TransactionClient, inviteCode: string, now: Date): Promise<number> {
  const [cohort] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Cohort" WHERE "inviteCode" = ${inviteCode} AND "endsOn" IS NOT NULL FOR UPDATE`;
  if (!cohort) return 0;
  const users = Prisma.sql`SELECT m."userId" FROM "CohortMember" m JOIN "User" u ON u.id = m."userId"
    WHERE m."cohortId" = ${cohort.id} AND u.email LIKE '%@demo.local'`;
  // Whole days since the later of the seed day and the latest activity, so nothing moves
  // into the future and times of day (and the chart's days) keep their shape. Read as text:
  // the columns hold UTC without a zone, and text keeps the session's time zone out of it.
  const [marks] = await tx.$queryRaw<{ seeded: string; latest: string | null }[]>`
    SELECT to_char("endsOn" - 30, 'YYYY-MM-DD') || 'T00:00:00.000Z' AS seeded,
      to_char(greatest(
        (SELECT max("completedAt") FROM "LessonProgress" WHERE "userId" IN (${users})),
        (SELECT max(greatest("startedAt", "submittedAt")) FROM "Attempt" WHERE "userId" IN (${users})),
        (SELECT max("issuedAt") FROM "Certificate" WHERE "userId" IN (${users}))
      ), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS latest
    FROM "Cohort" WHERE id = ${cohort.id}`;
  const since = Math.max(Date.parse(marks!.seeded), marks!.latest ? Date.parse(marks!.latest) : 0);
  const days = Math.floor((now.getTime() - since) / DAY_MS);
  if (days < 1) return 0;
  const by = Prisma.sql`make_interval(days => ${days}::int)`;
  await tx.$executeRaw`UPDATE "LessonProgress" SET "completedAt" = "completedAt" + ${by} WHERE "userId" IN (${users})`;
  await tx.$executeRaw`UPDATE "Answer" SET "savedAt" = "savedAt" + ${by} WHERE "attemptId" IN (SELECT id FROM "Attempt" WHERE "userId" IN (${users}))`;
  await tx.$executeRaw`UPDATE "Attempt" SET "startedAt" = "startedAt" + ${by}, "submittedAt" = "submittedAt" + ${by} WHERE "userId" IN (${users})`;
  await tx.$executeRaw`UPDATE "Certificate" SET "issuedAt" = "issuedAt" + ${by} WHERE "userId" IN (${users})`;
  await tx.$executeRaw`UPDATE "User" SET "createdAt" = "createdAt" + ${by} WHERE id IN (${users})`;
  await tx.$executeRaw`UPDATE "CohortMember" SET "joinedAt" = "joinedAt" + ${by} WHERE "cohortId" = ${cohort.id} AND "userId" IN (${users})`;
  // Classroom sessions and their check-ins move too, so the session seeded "today" stays today.
  await tx.$executeRaw`UPDATE "Attendance" SET "checkedInAt" = "checkedInAt" + ${by}, "signedOutAt" = "signedOutAt" + ${by} WHERE "sessionId" IN (SELECT id FROM "CohortSession" WHERE "cohortId" = ${cohort.id})`;
  await tx.$executeRaw`UPDATE "CohortSession" SET "startsAt" = "startsAt" + ${by}, "endsAt" = "endsAt" + ${by} WHERE "cohortId" = ${cohort.id}`;
  await tx.$executeRaw`UPDATE "Cohort" SET "startsOn" = "startsOn" + ${days}::int, "endsOn" = "endsOn" + ${days}::int WHERE id = ${cohort.id}`;
  return days;
}
