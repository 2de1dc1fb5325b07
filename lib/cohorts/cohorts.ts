// Cohorts (班级): created by trainers at a client organisation, joined by learners with an invite
// code. Who sees which cohort is one rule (lib/organisations/scope.ts): a trainer their own
// cohorts at the organisations assigned to them, a client admin their organisation's, an admin all.
import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { formatDate } from "@/lib/format/beijing-time";
import { organisationScope, scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";

// No 0/O, 1/I/L: codes are read aloud in training rooms and typed on phones.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newInviteCode(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A new cohort at one of the organisations the trainer is assigned to (an admin: any); null when not. */
export async function createCohort(
  db: PrismaClient,
  trainer: Viewer,
  input: { name: string; organisationId: string; startsOn?: Date; endsOn?: Date },
) {
  const allowed = await db.organisation.findFirst({
    // A closed organisation (end of contract) takes no new cohorts.
    where: { AND: [organisationScope(trainer), { id: input.organisationId, closedAt: null }] },
    select: { id: true },
  });
  if (!allowed || trainer.role === "CLIENT_ADMIN") return null;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.cohort.create({
        data: { ...input, trainerId: trainer.id, inviteCode: newInviteCode() },
        select: { id: true, inviteCode: true },
      });
    } catch (err) {
      const clash = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
      if (!clash || attempt >= 4) throw err;
    }
  }
}

/** Why an invite code cannot be used: no such cohort, its last day has passed, or its organisation's contract ended. */
export type InviteProblem = "UNKNOWN" | "EXPIRED" | "CLOSED";

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
        select: {
          id: true,
          name: true,
          endsOn: true,
          trainer: { select: { name: true } },
          organisation: { select: { closedAt: true } },
        },
      })
    : null;
  if (!cohort) return { ok: false, code: "UNKNOWN" };
  if (cohort.organisation.closedAt) return { ok: false, code: "CLOSED" };
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

// What cohort pages show of the organisation: its name, whether the contract ended (the cohort is
// then read-only), and its logo's version (lib/organisations/logo.ts logoHref).
const organisationCard = {
  id: true,
  name: true,
  code: true,
  closedAt: true,
  logo: { select: { sha256: true } },
} as const;

export async function listCohorts(db: PrismaClient, viewer: Viewer) {
  return db.cohort.findMany({
    where: scopedCohortWhere(viewer),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      inviteCode: true,
      trainer: { select: { name: true } },
      organisation: { select: organisationCard },
      _count: { select: { members: true } },
    },
  });
}

/** The cohort if this viewer may see it, else null: callers answer 403/404. */
export async function getCohortFor(db: PrismaClient, viewer: Viewer, cohortId: string) {
  return db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: cohortId }),
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      inviteCode: true,
      trainer: { select: { name: true } },
      organisation: { select: organisationCard },
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
