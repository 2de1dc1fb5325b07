// 错题回顾 and topic mastery, from the learner's own submitted attempts. For each question the
// latest attempt that contained it counts; a question is "wrong" while its latest answer is wrong
// or it was left blank. Answers of a quiz that reveals them only after passing stay hidden until
// the learner has passed it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Question } from "./schema";
import { isCorrect, type Response } from "./score";
import { describeAnswer, describeResponse, toPublicQuestion } from "./views";

type LatestAnswer = {
  versionId: string;
  quizId: string;
  quizTitle: string;
  question: Question;
  /** undefined: the question was in the attempt but left unanswered (scored wrong). */
  response: Response | undefined;
  correct: boolean;
  revealed: boolean;
};

/**
 * For every question the learner has met in a submitted attempt, the latest time they met it:
 * their answer then, or none if they left it blank (which scored as wrong, so it belongs in
 * 错题回顾 too).
 */
async function latestAnswers(db: PrismaClient, userId: string): Promise<LatestAnswer[]> {
  const attempts = await db.attempt.findMany({
    where: { userId, submittedAt: { not: null } },
    orderBy: { submittedAt: "desc" },
    select: {
      quizId: true,
      passed: true,
      questionIds: true,
      answers: { select: { questionVersionId: true, response: true, correct: true } },
    },
  });
  const versionIds = [...new Set(attempts.flatMap((a) => a.questionIds))];
  const versions = new Map(
    (
      await db.questionVersion.findMany({
        where: { id: { in: versionIds } },
        select: {
          id: true,
          questionKey: true,
          data: true,
          quiz: { select: { id: true, title: true, revealAnswers: true } },
        },
      })
    ).map((v) => [v.id, v]),
  );
  const passed = new Set(attempts.filter((a) => a.passed).map((a) => a.quizId));
  const seen = new Set<string>();
  const out: LatestAnswer[] = [];
  for (const attempt of attempts) {
    const answers = new Map(attempt.answers.map((x) => [x.questionVersionId, x]));
    for (const id of attempt.questionIds) {
      const qv = versions.get(id);
      if (!qv) continue;
      const key = `${qv.quiz.id}/${qv.questionKey}`;
      if (seen.has(key)) continue; // met again later: that later time counts
      seen.add(key);
      const answer = answers.get(id);
      out.push({
        versionId: qv.id,
        quizId: qv.quiz.id,
        quizTitle: qv.quiz.title,
        question: qv.data as Question,
        response: answer?.response as Response | undefined,
        correct: answer?.correct === true,
        revealed: qv.quiz.revealAnswers === "always" || passed.has(qv.quiz.id),
      });
    }
  }
  return out;
}

export async function getWrongAnswers(db: PrismaClient, userId: string) {
  return (await latestAnswers(db, userId))
    .filter((a) => !a.correct && a.revealed)
    .map((a) => ({
      versionId: a.versionId,
      quizTitle: a.quizTitle,
      prompt: a.question.prompt,
      yourAnswer: describeResponse(a.question, a.response),
      lesson: a.question.lesson,
      tags: a.question.tags,
      practice: toPublicQuestion(a.versionId, a.question, `practice:${a.versionId}`, true),
    }));
}

/** Share of questions answered correctly per topic tag (latest answer per question). */
export async function getTopicMastery(db: PrismaClient, userId: string) {
  const byTag = new Map<string, { correct: number; answered: number }>();
  for (const a of await latestAnswers(db, userId)) {
    for (const tag of a.question.tags) {
      const t = byTag.get(tag) ?? { correct: 0, answered: 0 };
      t.answered++;
      if (a.correct) t.correct++;
      byTag.set(tag, t);
    }
  }
  return [...byTag.entries()]
    .map(([tag, t]) => ({ tag, ...t, percent: Math.round((t.correct / t.answered) * 100) }))
    .sort((a, b) => a.percent - b.percent || b.answered - a.answered);
}

/**
 * A practice retry from 错题回顾: checked on the server, never recorded. Only for a question the
 * learner has already answered and may see the answer to, so it cannot be used to fish for the
 * answers of a quiz not yet taken.
 */
export async function checkPractice(db: PrismaClient, userId: string, versionId: string, response: Response) {
  const mine = (await latestAnswers(db, userId)).find((a) => a.versionId === versionId && a.revealed);
  if (!mine) return null;
  return {
    correct: isCorrect(mine.question, response),
    rightAnswer: describeAnswer(mine.question),
    explanation: mine.question.explanation,
  };
}
