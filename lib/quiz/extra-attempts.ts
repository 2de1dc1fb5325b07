// One more attempt at the final for one learner, granted by the cohort's trainer or an admin
// (a learner who was ill, whose connection failed mid-exam, ...). Only once the learner has used
// every attempt they have, so grants cannot be stockpiled: each grant is one
// attempt, and the audit trail says who gave it to whom.
import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { FINAL_QUIZ_ID } from "./load";

export type GrantResult = { ok: true; allowed: number } | { ok: false; code: GrantProblem };
export type GrantProblem = "FORBIDDEN" | "NOT_MEMBER" | "UNLIMITED" | "ATTEMPTS_LEFT";

export async function grantExtraAttempt(
  db: PrismaClient,
  viewer: Viewer & { name: string },
  cohortId: string,
  learnerId: string,
): Promise<GrantResult> {
  if (viewer.role !== "TRAINER" && viewer.role !== "ADMIN") return { ok: false, code: "FORBIDDEN" };
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: cohortId, organisation: { closedAt: null } }),
    select: { id: true, name: true, members: { where: { userId: learnerId }, select: { userId: true } } },
  });
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  if (cohort.members.length === 0) return { ok: false, code: "NOT_MEMBER" };
  const quiz = await db.quiz.findUnique({ where: { id: FINAL_QUIZ_ID }, select: { attemptsAllowed: true } });
  if (!quiz || quiz.attemptsAllowed === null) return { ok: false, code: "UNLIMITED" };
  const limit = quiz.attemptsAllowed;
  return db.$transaction(async (tx): Promise<GrantResult> => {
    // Two trainers pressing at once give one attempt: the learner's row serialises the grants.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${learnerId} FOR UPDATE`;
    const [used, granted] = await Promise.all([
      tx.attempt.count({ where: { userId: learnerId, quizId: FINAL_QUIZ_ID, submittedAt: { not: null } } }),
      tx.extraAttempt.count({ where: { userId: learnerId, quizId: FINAL_QUIZ_ID } }),
    ]);
    if (used < limit + granted) return { ok: false, code: "ATTEMPTS_LEFT" };
    // An unfinished attempt left over from a race at the limit (decision 0014) never counted; the
    // extra attempt starts fresh, with its own draw and its own clock.
    await tx.attempt.deleteMany({ where: { userId: learnerId, quizId: FINAL_QUIZ_ID, submittedAt: null } });
    await tx.extraAttempt.create({
      data: { userId: learnerId, quizId: FINAL_QUIZ_ID, grantedById: viewer.id },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "EXTRA_ATTEMPT_GRANT",
      target: learnerId,
      detail: `${cohort.name}；${FINAL_QUIZ_ID}；共 ${limit + granted + 1} 次`,
      rows: 1,
    });
    return { ok: true, allowed: limit + granted + 1 };
  });
}

/** For the trainer's drill-down: the learner's final attempts used, allowed (with grants) and granted. */
export async function getFinalAllowance(db: PrismaClient, learnerId: string) {
  const [quiz, used, granted] = await Promise.all([
    db.quiz.findUnique({ where: { id: FINAL_QUIZ_ID }, select: { attemptsAllowed: true } }),
    db.attempt.count({ where: { userId: learnerId, quizId: FINAL_QUIZ_ID, submittedAt: { not: null } } }),
    db.extraAttempt.count({ where: { userId: learnerId, quizId: FINAL_QUIZ_ID } }),
  ]);
  if (!quiz || quiz.attemptsAllowed === null) return null;
  return { used, allowed: quiz.attemptsAllowed + granted, granted };
}
