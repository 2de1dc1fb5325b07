// Client organisations (客户机构): created and edited by admins, who also assign trainers and
// client training admins. Returns codes (lib/organisations/schema.ts phrases them); every change
// lands in the audit trail with the change itself.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import type { OrganisationProblem } from "./schema";
import { organisationScope, type Viewer } from "./scope";

export type OrgResult<T> = { ok: true; value: T } | { ok: false; code: OrganisationProblem };

type OrganisationInput = { name: string; code: string; retentionDays: number };

function clash(err: unknown): OrganisationProblem | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return null;
  const target = JSON.stringify(err.meta ?? {});
  return target.includes("code") ? "CODE_TAKEN" : "NAME_TAKEN";
}

export async function createOrganisation(
  db: PrismaClient,
  actor: Actor,
  input: OrganisationInput,
): Promise<OrgResult<{ id: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: input, select: { id: true } });
      await recordAudit(tx, actor, { action: "ORGANISATION_CHANGE", target: org.id, detail: `创建机构 ${input.code}` });
      return { ok: true as const, value: org };
    });
  } catch (err) {
    const code = clash(err);
    if (code) return { ok: false, code };
    throw err;
  }
}

export async function updateOrganisation(
  db: PrismaClient,
  actor: Actor,
  id: string,
  input: OrganisationInput,
): Promise<OrgResult<null>> {
  try {
    return await db.$transaction(async (tx) => {
      const found = await tx.organisation.findUnique({ where: { id }, select: { closedAt: true } });
      if (!found) return { ok: false as const, code: "NOT_FOUND" as const };
      if (found.closedAt) return { ok: false as const, code: "CLOSED" as const };
      await tx.organisation.update({ where: { id }, data: input, select: { id: true } });
      await recordAudit(tx, actor, {
        action: "ORGANISATION_CHANGE",
        target: id,
        detail: `修改机构信息 ${input.code}，保留 ${input.retentionDays} 天`,
      });
      return { ok: true as const, value: null };
    });
  } catch (err) {
    const code = clash(err);
    if (code) return { ok: false, code };
    throw err;
  }
}

/** Adds or removes a trainer's assignment to the organisation (the account must be a trainer). */
export async function setTrainerAssignment(
  db: PrismaClient,
  actor: Actor,
  organisationId: string,
  email: string,
  assigned: boolean,
): Promise<OrgResult<null>> {
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { closedAt: true } });
    if (!org) return { ok: false, code: "NOT_FOUND" };
    // After the end of the contract the organisation is a record, not a client: nobody joins it.
    if (org.closedAt) return { ok: false, code: "CLOSED" };
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) return { ok: false, code: "NO_SUCH_USER" };
    const key = { organisationId_trainerId: { organisationId, trainerId: user.id } };
    if (assigned) {
      if (user.role !== "TRAINER") return { ok: false, code: "NOT_A_TRAINER" };
      await tx.organisationTrainer.upsert({
        where: key,
        create: { organisationId, trainerId: user.id },
        update: {},
        select: { trainerId: true },
      });
    } else {
      const removed = await tx.organisationTrainer.deleteMany({ where: { organisationId, trainerId: user.id } });
      if (removed.count === 0) return { ok: false, code: "NOT_MEMBER" };
    }
    await recordAudit(tx, actor, {
      action: "ORGANISATION_CHANGE",
      target: organisationId,
      detail: `${assigned ? "指派" : "取消指派"}培训师 ${user.id}`,
    });
    return { ok: true, value: null };
  });
}

/**
 * Makes an existing account the organisation's client training admin, or turns one back into a
 * learner. Either ends the person's sessions (their JWT carries the old role).
 */
export async function setClientAdmin(
  db: PrismaClient,
  actor: Actor,
  organisationId: string,
  email: string,
  isAdmin: boolean,
): Promise<OrgResult<null>> {
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { closedAt: true } });
    if (!org) return { ok: false, code: "NOT_FOUND" };
    // After the end of the contract the organisation is a record, not a client: nobody joins it.
    if (org.closedAt) return { ok: false, code: "CLOSED" };
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, organisationId: true } });
    if (!user) return { ok: false, code: "NO_SUCH_USER" };
    if (isAdmin) {
      if (user.role === "ADMIN" || user.role === "TRAINER") return { ok: false, code: "NOT_ELIGIBLE" };
    } else if (user.role !== "CLIENT_ADMIN" || user.organisationId !== organisationId) {
      return { ok: false, code: "NOT_MEMBER" };
    }
    await tx.user.update({
      where: { id: user.id },
      data: isAdmin
        ? { role: "CLIENT_ADMIN", organisationId, sessionVersion: { increment: 1 } }
        : { role: "LEARNER", sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "USER_ACCESS_CHANGE",
      target: user.id,
      detail: isAdmin ? `设为客户培训管理员（机构 ${organisationId}）` : `取消客户培训管理员（机构 ${organisationId}）`,
      rows: 1,
    });
    return { ok: true, value: null };
  });
}

export async function listOrganisations(db: PrismaClient) {
  return db.organisation.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      retentionDays: true,
      closedAt: true,
      _count: { select: { cohorts: true, trainers: true } },
    },
  });
}

/** The organisations a viewer may choose for a new cohort or read about. */
export async function listOrganisationsFor(db: PrismaClient, viewer: Viewer) {
  return db.organisation.findMany({
    where: organisationScope(viewer),
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, code: true, closedAt: true, logo: { select: { sha256: true } } },
  });
}

export async function getOrganisationDetail(db: PrismaClient, id: string) {
  return db.organisation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      code: true,
      retentionDays: true,
      closedAt: true,
      closedLearners: true,
      closedCohorts: true,
      closedCertificates: true,
      logo: { select: { sha256: true, contentType: true, updatedAt: true } },
      trainers: {
        orderBy: { assignedAt: "asc" },
        select: { trainer: { select: { id: true, name: true, email: true } } },
      },
      people: {
        where: { role: "CLIENT_ADMIN" },
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, email: true, disabled: true },
      },
      cohorts: {
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, trainer: { select: { name: true } }, _count: { select: { members: true } } },
      },
    },
  });
}
