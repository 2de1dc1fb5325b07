// One learner seen from a cohort: lessons done, every attempt with its answers and times, last
// activity. Only for a member of the given cohort: callers have already checked the trainer may
// see the cohort, and this refuses learners outside it (the page answers 404).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Question } from "@/lib/quiz/schema";
import type { Response } from "@/lib/quiz/score";
import { describeAnswer, describeResponse } from "@/lib/quiz/views";
import type { CourseShape } from "./course-shape";

export async function getLearnerDetail(db: PrismaClient, shape: CourseShape, cohortId: string, learnerId: string) {
  const member = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId, userId: learnerId } },
    select: {
      joinedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          employeeNo: true,
          mobile: true,
          branch: true,
          department: true,
          position: true,
          createdAt: true,
          certificate: { select: { id: true, issuedAt: true, revokedAt: true } },
        },
      },
    },
  });
  if (!member) return null;
  const [lessons, attempts] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: learnerId },
      orderBy: { completedAt: "asc" },
      select: { moduleSlug: true, lessonSlug: true, completedAt: true },
    }),
    db.attempt.findMany({
      where: { userId: learnerId },
      orderBy: { startedAt: "desc" },
      select: {
        id: true,
        quizId: true,
        questionIds: true,
        startedAt: true,
        submittedAt: true,
        correct: true,
        total: true,
        percent: true,
        passed: true,
        deadlineAt: true,
        timedOut: true,
        visibilityChanges: true,
        quiz: { select: { title: true } },
        answers: { select: { questionVersionId: true, response: true, correct: true, savedAt: true } },
      },
    }),
  ]);
  const versionIds = [...new Set(attempts.flatMap((a) => a.questionIds))];
  const versions = new Map(
    (await db.questionVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, data: true } })).map(
      (v) => [v.id, v.data as Question],
    ),
  );
  const done = new Map(lessons.map((l) => [`${l.moduleSlug}/${l.lessonSlug}`, l.completedAt]));
  const times = [
    ...lessons.map((l) => l.completedAt),
    ...attempts.flatMap((a) => [a.startedAt, a.submittedAt ?? a.startedAt]),
  ];
  return {
    user: member.user,
    joinedAt: member.joinedAt,
    certificate: member.user.certificate,
    lastActive: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
    modules: shape.modules.map((m) => ({
      slug: m.slug,
      number: m.number,
      title: m.title,
      lessons: m.lessons.map((slug, i) => ({
        slug,
        title: m.lessonTitles?.[i] ?? slug,
        completedAt: done.get(`${m.slug}/${slug}`) ?? null,
      })),
    })),
    attempts: attempts.map((a) => {
      const answers = new Map(a.answers.map((x) => [x.questionVersionId, x]));
      // Attempt numbers count from the first attempt of each quiz.
      const number = attempts.filter((b) => b.quizId === a.quizId && b.startedAt <= a.startedAt).length;
      return {
        id: a.id,
        quizId: a.quizId,
        quizTitle: a.quiz.title,
        number,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        correct: a.correct,
        total: a.total,
        percent: a.percent,
        passed: a.passed,
        deadlineAt: a.deadlineAt,
        timedOut: a.timedOut,
        visibilityChanges: a.visibilityChanges,
        questions: a.questionIds.map((qid, i) => {
          const q = versions.get(qid);
          const ans = answers.get(qid);
          return {
            index: i + 1,
            prompt: q?.prompt ?? "（题目已删除）",
            response: q ? describeResponse(q, ans?.response as Response | undefined) : "—",
            rightAnswer: q ? describeAnswer(q) : "—",
            correct: ans?.correct ?? null,
            savedAt: ans?.savedAt ?? null,
          };
        }),
      };
    }),
  };
}
