// Certificates of completion. A certificate is issued inside the transaction of the event that
// completes the course, so "holds a certificate" (what the trainer dashboard counts as completed)
// is true from the moment the course is complete, whether or not the learner ever opens /me.
// Events that can complete it, given that the final assessment opens only once every module is
// done (lib/quiz/attempts.ts): the submission that passes the final; and, for a learner who passed
// the final before the course grew (or before the gate existed), the last missing module-quiz pass
// or lesson tick. submitAttempt and markLessonDone call issueCertificateIfComplete for those.
// Issuing is idempotent: one certificate per learner (unique userId), never replaced.
import { randomBytes } from "node:crypto";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { shapeArrays } from "@/lib/dashboard/course-shape";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { shortOfAttendanceSql } from "@/lib/attendance/certificate-gate";

type Db = PrismaClient | Prisma.TransactionClient;

/** 20 characters from a 31-letter alphabet (about 99 bits): not guessable, easy to read out. */
export function newCertificateId(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * The completion rule in SQL: of the learners `candidates` yields (one column, user_id), those who
 * have completed the course. Must say exactly what summariseProgress (lib/progress/progress.ts)
 * says: every module has lessons, all of them ticked (lessons no longer in the course do not
 * count) and its quiz passed if it has one; and the final passed if there is one.
 */
export function completedLearnersSql(course: CourseShape, candidates: Prisma.Sql): Prisma.Sql {
  const a = shapeArrays(course);
  const lessonModules = course.modules.flatMap((m) => m.lessons.map(() => m.slug));
  const lessonSlugs = course.modules.flatMap((m) => m.lessons);
  return Prisma.sql`
    WITH shape AS (
      SELECT * FROM unnest(${a.moduleSlugs}::text[], ${a.lessonCounts}::int[], ${a.moduleQuizzes}::text[]) AS s(module, lessons, quiz)
    ),
    shape_lessons AS (SELECT * FROM unnest(${lessonModules}::text[], ${lessonSlugs}::text[]) AS sl(module, lesson)),
    candidates AS (${candidates}),
    lessons_done AS (
      SELECT p."userId" AS user_id, p."moduleSlug" AS module, count(*)::int AS n
      FROM "LessonProgress" p JOIN shape_lessons sl ON sl.module = p."moduleSlug" AND sl.lesson = p."lessonSlug"
      WHERE p."userId" IN (SELECT user_id FROM candidates)
      GROUP BY 1, 2
    ),
    passed AS (
      SELECT DISTINCT t."userId" AS user_id, t."quizId" AS quiz FROM "Attempt" t
      WHERE t.passed AND t."submittedAt" IS NOT NULL AND t."userId" IN (SELECT user_id FROM candidates)
    )
    SELECT c.user_id FROM candidates c
    WHERE NOT EXISTS (
      SELECT 1 FROM shape s
      LEFT JOIN lessons_done l ON l.user_id = c.user_id AND l.module = s.module
      LEFT JOIN passed q ON q.user_id = c.user_id AND q.quiz = s.quiz
      WHERE s.lessons = 0 OR coalesce(l.n, 0) < s.lessons OR (s.quiz <> '' AND q.quiz IS NULL)
    )
    AND (${a.finalQuizId} = '' OR EXISTS (SELECT 1 FROM passed q WHERE q.user_id = c.user_id AND q.quiz = ${a.finalQuizId}))`;
}

/** Of the candidates, those due a certificate: the course complete, and any cohort's minimum attendance met. */
function certifiableSql(course: CourseShape, candidates: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT user_id FROM (${completedLearnersSql(course, candidates)}) AS done
    WHERE user_id NOT IN (${shortOfAttendanceSql(candidates)})`;
}

/**
 * Issues the learner's certificate if the course is complete (and the classroom attendance a
 * cohort asks for is met: recording attendance is a completing event too); returns its id (also when it already
 * existed) or null. Call it inside the transaction that records the event. It first locks the
 * learner's row, so two completing events of one learner committing at once (a lesson tick in one
 * tab, the last quiz in another) are checked one after the other: the second check runs after the
 * first commits and sees both writes, instead of each missing the other's.
 */
export async function issueCertificateIfComplete(tx: Db, course: CourseShape, userId: string): Promise<string | null> {
  // NO KEY UPDATE: does not block inserts that merely reference the user (attempts, answers).
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  if (locked.length === 0) return null;
  const candidate = Prisma.sql`SELECT ${userId}::text AS user_id`;
  // One statement: the new certificate, or the one issued before (a repeat issues nothing).
  const [cert] = await tx.$queryRaw<{ id: string }[]>`
    WITH issued AS (
      INSERT INTO "Certificate" (id, "userId", name)
      SELECT ${newCertificateId()}, u.id, u.name FROM "User" u
      WHERE u.id IN (${certifiableSql(course, candidate)})
      ON CONFLICT ("userId") DO NOTHING
      RETURNING id
    )
    SELECT id FROM issued UNION ALL SELECT id FROM "Certificate" WHERE "userId" = ${userId}`;
  return cert?.id ?? null;
}

/**
 * For the transactions that call issueCertificateIfComplete. When a whole cohort submits at the
 * end of a session, passes queue for a pool connection; Prisma's default 2 s wait for one would
 * fail submissions that, as single statements, merely waited their turn.
 */
export const COMPLETION_TX = { maxWait: 15_000, timeout: 15_000 };

/**
 * Issues the certificates that no event issued: learners who completed before certificates came
 * with the completing event, or whom a content change completed (a lesson they had not done was
 * removed). Run at start after content is synced; returns how many were issued.
 */
export async function issueMissingCertificates(db: PrismaClient, course: CourseShape): Promise<number> {
  const uncertified = Prisma.sql`SELECT u.id AS user_id FROM "User" u
    WHERE NOT EXISTS (SELECT 1 FROM "Certificate" c WHERE c."userId" = u.id)`;
  const due = await db.$queryRaw<{ user_id: string }[]>(certifiableSql(course, uncertified));
  let issued = 0;
  for (const { user_id } of due) {
    issued += await db.$transaction(
      async (tx) => ((await issueCertificateIfComplete(tx, course, user_id)) ? 1 : 0),
      COMPLETION_TX,
    );
  }
  return issued;
}

export async function getCertificateOf(db: PrismaClient, userId: string) {
  return db.certificate.findUnique({ where: { userId }, select: { id: true, issuedAt: true, revokedAt: true } });
}
