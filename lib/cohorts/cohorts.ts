// Cohorts (班级): created by trainers, joined by learners with an invite code. The object-level
// rule lives here: a trainer sees only their own cohorts and their members; an admin sees all.
import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/beijing-time";

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

/** Why an invite code cannot be used: no such cohort, or the cohort's last day has passed. */
export type InviteProblem = "UNKNOWN" | "EXPIRED";

export type Invite =
  { ok: true; cohort: { id: string; name: string; trainerName: string } } | { ok: false; code: InviteProblem };

/**
 * The cohort an invite code leads to, for the join, sign-up and sign-in pages to name. A cohort
 * whose end date (a Beijing calendar day) is before today no longer takes new members.
 */
export async function findInvite(db: PrismaClient, inviteCode: string, now = new Date()): Promise<Invite> {
  const code = inviteCode.trim().toUpperCase();
  const cohort = /^[A-Z0-9]{6,12}$/.test(code)
    ? await db.cohort.findUnique({
        where: { inviteCode: code },
        select: { id: true, name: true, endsOn: true, trainer: { select: { name: true } } },
      })
    : null;
  if (!cohort) return { ok: false, code: "UNKNOWN" };
  // endsOn is a calendar date (stored at UTC midnight): compare it as a date with Beijing's today.
  if (cohort.endsOn && cohort.endsOn.toISOString().slice(0, 10) < formatDate(now))
    return { ok: false, code: "EXPIRED" };
  return { ok: true, cohort: { id: cohort.id, name: cohort.name, trainerName: cohort.trainer.name } };
}

/** Enrols the learner in the invite's cohort (joining twice changes nothing). */
export async function joinCohort(db: PrismaClient, userId: string, inviteCode: string, now = new Date()) {
  const invite = await findInvite(db, inviteCode, now);
  if (!invite.ok) return invite;
  await db.cohortMember.upsert({
    where: { cohortId_userId: { cohortId: invite.cohort.id, userId } },
    create: { cohortId: invite.cohort.id, userId },
    update: {},
    select: { cohortId: true },
  });
  return invite;
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
