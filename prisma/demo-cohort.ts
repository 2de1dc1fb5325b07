// A demo cohort big enough for the trainer dashboard to say something out of the box: 36
// learners at different stages (not started, stalled, half way, finished), with lesson progress,
// quiz attempts including failed ones and retakes, and certificates, spread over the last six
// weeks. Deterministic (seeded random numbers), so every fresh start shows the same picture.
import { randomUUID } from "node:crypto";
import type { Content } from "@/lib/content/load";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newCertificateId } from "@/lib/certificates/certificates";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";
import { isCorrect, type Response } from "@/lib/quiz/score";

export const DEMO_COHORT = { inviteCode: "SPRING26", name: "2026 春季信用卡中心业务骨干班", size: 36 };

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈".split("");
const GIVEN = ["子涵", "欣怡", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳怡", "俊杰", "诗琪", "晨阳", "一诺", "雅婷", "天佑", "可馨", "博文", "若曦", "明哲"];

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

export function rightResponse(q: Question): Response {
  switch (q.type) {
    case "single":
      return { type: "single", choice: q.choices.find((c) => c.correct)!.id };
    case "multiple":
      return { type: "multiple", choices: q.choices.filter((c) => c.correct).map((c) => c.id) };
    case "truefalse":
      return { type: "truefalse", value: q.answer };
    case "ordering":
      return { type: "ordering", order: q.items.map((_, i) => i) };
    case "numeric":
      return { type: "numeric", value: q.answer };
  }
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
      return rnd() < 0.5 || wrong.length === 0 ? { type: "multiple", choices: right.slice(1) } : { type: "multiple", choices: [...right, wrong[0]!] };
    }
    case "truefalse":
      return { type: "truefalse", value: !q.answer };
    case "ordering": {
      const order = q.items.map((_, i) => i);
      [order[0], order[1]] = [order[1]!, order[0]!];
      return { type: "ordering", order };
    }
    case "numeric":
      return { type: "numeric", value: rnd() < 0.5 ? q.answer * 10 : Math.round((q.answer + q.tolerance + 1) * 100) / 100 };
  }
}

type Version = { id: string; data: Question };

export async function seedDemoCohort(db: PrismaClient, content: Content, trainerId: string, passwordHash: string, now = new Date()) {
  const existing = await db.cohort.findUnique({ where: { inviteCode: DEMO_COHORT.inviteCode }, select: { id: true } });
  if (existing) return { created: false };
  const rnd = random(20260301);
  const quizzes = await db.quiz.findMany({
    select: { id: true, passMark: true, versions: { where: { active: true }, orderBy: { position: "asc" }, select: { id: true, data: true } } },
  });
  const quizById = new Map(quizzes.map((q) => [q.id, { passMark: q.passMark, versions: q.versions as unknown as Version[] }]));
  // Per question, how easy it is (some questions are simply harder).
  const easiness = new Map<string, number>();
  for (const q of quizzes) for (const v of q.versions) easiness.set(v.id, rnd() * 2 - 0.6);

  const day = 86_400_000;
  const start = now.getTime() - 42 * day;
  const users: { id: string; email: string; name: string; passwordHash: string; createdAt: Date }[] = [];
  const lessons: { userId: string; moduleSlug: string; lessonSlug: string; completedAt: Date }[] = [];
  const attempts: { id: string; userId: string; quizId: string; questionIds: string[]; startedAt: Date; submittedAt: Date; correct: number; total: number; percent: number; passed: boolean }[] = [];
  const answers: { attemptId: string; questionVersionId: string; response: Response; correct: boolean; savedAt: Date }[] = [];
  const certificates: { id: string; userId: string; name: string; issuedAt: Date }[] = [];

  const takeQuiz = (userId: string, quizId: string, ability: number, at: number): { passed: boolean; at: number } => {
    const quiz = quizById.get(quizId);
    if (!quiz) return { passed: true, at };
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = `demo${randomUUID().replaceAll("-", "").slice(0, 21)}`;
      let correct = 0;
      const startedAt = at;
      for (const v of quiz.versions) {
        // Retakes come after reading the explanations: a little more likely to be right.
        const p = 1 / (1 + Math.exp(-(ability * 1.4 + easiness.get(v.id)! + attempt * 0.9)));
        const response = rnd() < p ? rightResponse(v.data) : wrongResponse(v.data, rnd);
        const ok = isCorrect(v.data, response);
        if (ok) correct++;
        at += 20_000 + rnd() * 60_000;
        answers.push({ attemptId: id, questionVersionId: v.id, response, correct: ok, savedAt: new Date(at) });
      }
      const total = quiz.versions.length;
      const percent = (correct / total) * 100;
      const passed = percent >= quiz.passMark;
      attempts.push({ id, userId, quizId, questionIds: quiz.versions.map((v) => v.id), startedAt: new Date(startedAt), submittedAt: new Date(at), correct, total, percent, passed });
      if (passed) return { passed: true, at };
      at += day * (0.5 + rnd());
      if (at > now.getTime() - 3_600_000) break;
    }
    return { passed: false, at };
  };

  for (let i = 0; i < DEMO_COHORT.size; i++) {
    const id = `demo${randomUUID().replaceAll("-", "").slice(0, 21)}`;
    const name = `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 5 + Math.floor(i / 3)) % GIVEN.length]}`;
    users.push({ id, email: `spring${String(i + 1).padStart(2, "0")}@demo.local`, name, passwordHash, createdAt: new Date(start) });
    // How far this learner gets: a few never start, some stall early, a good share finish.
    const ability = rnd() * 2.4 - 0.9;
    const reach = i % 9 === 0 ? 0 : Math.min(content.modules.length + 1, Math.floor(rnd() * (content.modules.length + 4)));
    const pace = day * (1.5 + rnd() * 3);
    let at = start + rnd() * 5 * day;
    let stillGoing = true;
    for (const [mi, m] of content.modules.entries()) {
      if (mi >= reach || !stillGoing || at > now.getTime()) break;
      for (const l of m.lessons) {
        if (rnd() < 0.05 && mi === reach - 1) break; // stops mid-module now and then
        at += pace / (m.lessons.length + 1);
        if (at > now.getTime()) break;
        lessons.push({ userId: id, moduleSlug: m.slug, lessonSlug: l.slug, completedAt: new Date(at) });
      }
      at += pace / (m.lessons.length + 1);
      if (at > now.getTime()) break;
      const r = takeQuiz(id, m.slug, ability, at);
      at = r.at;
      if (!r.passed) stillGoing = false;
    }
    const finishedModules = stillGoing && reach > content.modules.length && at < now.getTime() - day;
    if (finishedModules) {
      const r = takeQuiz(id, FINAL_QUIZ_ID, ability, at + day);
      const allLessons = content.modules.every((m) => m.lessons.every((l) => lessons.some((x) => x.userId === id && x.moduleSlug === m.slug && x.lessonSlug === l.slug)));
      if (r.passed && allLessons && r.at < now.getTime()) certificates.push({ id: newCertificateId(), userId: id, name, issuedAt: new Date(r.at) });
    }
  }

  await db.$transaction(async (tx) => {
    const cohort = await tx.cohort.create({
      data: { name: DEMO_COHORT.name, inviteCode: DEMO_COHORT.inviteCode, trainerId, startsOn: new Date(start), endsOn: new Date(now.getTime() + 30 * day) },
      select: { id: true },
    });
    await tx.user.createMany({ data: users });
    await tx.cohortMember.createMany({ data: users.map((u) => ({ cohortId: cohort.id, userId: u.id, joinedAt: new Date(start) })) });
    await tx.lessonProgress.createMany({ data: lessons });
    await tx.attempt.createMany({ data: attempts });
    await tx.answer.createMany({ data: answers });
    await tx.certificate.createMany({ data: certificates });
  });
  return { created: true, learners: users.length, attempts: attempts.length, certificates: certificates.length };
}
