// Learners walking the real course in integration tests: an account, and a quiz taken through the
// real start and submit (all answers right, or all blank).
import { createAccount } from "@/lib/auth/accounts";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import type { PrismaClient } from "@/lib/db/create-client";
import { startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import type { Question } from "@/lib/quiz/schema";
import { rightResponse } from "@/lib/quiz/score";

export async function createLearner(db: PrismaClient, email: string, name = "学员") {
  const r = await createAccount(db, { name, email, password: "long enough secret" });
  if (!r.ok) throw new Error(`setup: ${JSON.stringify(r.fieldErrors)}`);
  return r.value.id;
}

/** Returns the attempt and whether it passed (the caller says what it expected). */
export async function takeQuiz(db: PrismaClient, course: CourseShape, userId: string, quizId: string, right: boolean) {
  const s = await startAttempt(db, course, userId, quizId);
  if (!s.ok) throw new Error(s.message);
  const { questionIds } = await db.attempt.findUniqueOrThrow({
    where: { id: s.attemptId },
    select: { questionIds: true },
  });
  const versions = await db.questionVersion.findMany({
    where: { id: { in: questionIds } },
    select: { id: true, data: true },
  });
  const answers = right ? Object.fromEntries(versions.map((v) => [v.id, rightResponse(v.data as Question)])) : {};
  const r = await submitAttempt(db, course, userId, s.attemptId, answers);
  if (!r.ok) throw new Error(r.message);
  return { attemptId: s.attemptId, passed: r.passed };
}
