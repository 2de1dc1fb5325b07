// Cohorts (班级): created by trainers, joined by learners with an invite code. The object-level
// rule lives here: a trainer sees only their own cohorts and their members; an admin sees all.
import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";

// No 0/O, 1/I/L: codes are read aloud in training rooms and typed on phones.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newInviteCode(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export async function createCohort(
  db: PrismaClient,
  trainerId: string,
  input: { name: string; startsOn?: Date; endsOn?: Date },
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.cohort.create({
        data: { ...input, trainerId, inviteCode: newInviteCode() },
        select: { id: true, inviteCode: true },
      });
    } catch (err) {
      const clash = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
      if (!clash || attempt >= 4) throw err;
    }
  }
}

export async function joinCohort(db: PrismaClient, userId: string, inviteCode: string) {
  const cohort = await db.cohort.findUnique({ where: { inviteCode }, select: { id: true, name: true } });
  if (!cohort) return { ok: false as const, fieldErrors: { inviteCode: "邀请码无效，请向培训师确认" } };
  await db.cohortMember.upsert({
    where: { cohortId_userId: { cohortId: cohort.id, userId } },
    create: { cohortId: cohort.id, userId },
    update: {},
    select: { cohortId: true },
  });
  return { ok: true as const, value: cohort };
}

const visibleTo = (user: Pick<CurrentUser, "id" | "role">) => (user.role === "ADMIN" ? {} : { trainerId: user.id });

export async function listCohorts(db: PrismaClient, user: Pick<CurrentUser, "id" | "role">) {
  return db.cohort.findMany({
    where: visibleTo(user),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      inviteCode: true,
      trainer: { select: { name: true } },
      _count: { select: { members: true } },
    },
  });
}

/** The cohort if this trainer (or an admin) may see it, else null: callers answer 403/404. */
export async function getCohortFor(db: PrismaClient, user: Pick<CurrentUser, "id" | "role">, cohortId: string) {
  return db.cohort.findFirst({
    where: { id: cohortId, ...visibleTo(user) },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      inviteCode: true,
      trainer: { select: { name: true } },
      // A count, not the member list: cohorts run to thousands; the dashboard pages them.
      _count: { select: { members: true } },
    },
  });
}

export async function listMyCohorts(db: PrismaClient, userId: string) {
  return db.cohortMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "desc" },
    select: { joinedAt: true, cohort: { select: { id: true, name: true, trainer: { select: { name: true } } } } },
  });
}
