// End of contract (结束合作): after the organisation's data was exported (within the last 24 h),
// one transaction erases the personal data of the learners who belong only to it, disables its
// client training admins, and marks it closed with its counts kept for the consultancy's
// statistics. Its cohorts are read-only from then on (findInvite refuses their codes). A learner
// who is also in another open organisation's cohort keeps their identity. Irreversible, audited.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { eraseLearners } from "./erase";

/** How recent the export must be for the erase to go ahead. */
export const EXPORT_VALID_MS = 24 * 3600_000;

export type CloseProblem = "NOT_FOUND" | "CLOSED" | "CONFIRMATION_MISMATCH" | "EXPORT_REQUIRED";

type Db = PrismaClient | Prisma.TransactionClient;

/** Every learner of the organisation: imported into it, or a member of one of its cohorts. */
export const organisationLearners = (organisationId: string): Prisma.UserWhereInput => ({
  role: "LEARNER",
  OR: [{ organisationId }, { memberships: { some: { cohort: { organisationId } } } }],
});

/** Belongs to some other organisation that is still open: such a learner keeps their identity. */
const elsewhere = (organisationId: string): Prisma.UserWhereInput => ({
  OR: [
    { organisation: { id: { not: organisationId }, closedAt: null } },
    {
      memberships: { some: { cohort: { organisationId: { not: organisationId }, organisation: { closedAt: null } } } },
    },
  ],
});

const toErase = (organisationId: string): Prisma.UserWhereInput => ({
  AND: [organisationLearners(organisationId), { erasedAt: null }, { NOT: elsewhere(organisationId) }],
});

async function counts(db: Db, organisationId: string) {
  const [learners, erase, kept, cohorts, certificates, clientAdmins] = await Promise.all([
    db.user.count({ where: organisationLearners(organisationId) }),
    db.user.count({ where: toErase(organisationId) }),
    db.user.count({
      where: { AND: [organisationLearners(organisationId), { erasedAt: null }, elsewhere(organisationId)] },
    }),
    db.cohort.count({ where: { organisationId } }),
    db.certificate.count({ where: { user: organisationLearners(organisationId) } }),
    db.user.count({ where: { role: "CLIENT_ADMIN", organisationId, disabled: false } }),
  ]);
  return { learners, erase, kept, cohorts, certificates, clientAdmins };
}

/** The latest export of the organisation's data, if any (from the audit trail). */
async function lastExportAt(db: Db, organisationId: string) {
  const event = await db.auditEvent.findFirst({
    where: { action: "ORGANISATION_EXPORT", target: organisationId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}

/** What the confirmation page shows: what will happen, and whether the export is recent enough. */
export async function getCloseSummary(db: PrismaClient, organisationId: string, now = new Date()) {
  const org = await db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      code: true,
      closedAt: true,
      closedLearners: true,
      closedCohorts: true,
      closedCertificates: true,
    },
  });
  if (!org) return null;
  const exportedAt = await lastExportAt(db, organisationId);
  return {
    org,
    counts: org.closedAt ? null : await counts(db, organisationId),
    exportedAt,
    exportFresh: exportedAt !== null && exportedAt.getTime() > now.getTime() - EXPORT_VALID_MS,
  };
}

export type CloseResult =
  | { ok: true; erased: number; kept: number; learners: number; cohorts: number; certificates: number }
  | { ok: false; code: CloseProblem };

export async function closeOrganisation(
  db: PrismaClient,
  actor: Actor,
  organisationId: string,
  confirmation: string,
  now = new Date(),
): Promise<CloseResult> {
  return db.$transaction(
    async (tx): Promise<CloseResult> => {
      // The roster import's lock (lib/roster/import.ts): no import lands in between. The row lock
      // makes a second close wait and then find the organisation closed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roster:${organisationId}`}))`;
      const [org] = await tx.$queryRaw<{ name: string; closedAt: Date | null }[]>`
        SELECT name, "closedAt" FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
      if (!org) return { ok: false, code: "NOT_FOUND" };
      if (org.closedAt) return { ok: false, code: "CLOSED" };
      if (confirmation.trim() !== org.name) return { ok: false, code: "CONFIRMATION_MISMATCH" };
      const exportedAt = await lastExportAt(tx, organisationId);
      if (!exportedAt || exportedAt.getTime() <= now.getTime() - EXPORT_VALID_MS) {
        return { ok: false, code: "EXPORT_REQUIRED" };
      }
      const c = await counts(tx, organisationId);
      const ids = (await tx.user.findMany({ where: toErase(organisationId), select: { id: true } })).map((u) => u.id);
      const erased = await eraseLearners(tx, ids, now);
      // A closed bank's 结项报告 does not survive it, not even as a stored snapshot.
      await tx.reportSnapshot.deleteMany({ where: { OR: [{ organisationId }, { cohort: { organisationId } }] } });
      const admins = await tx.user.updateMany({
        where: { role: "CLIENT_ADMIN", organisationId },
        data: { disabled: true, sessionVersion: { increment: 1 } },
      });
      await tx.organisation.update({
        where: { id: organisationId },
        data: {
          closedAt: now,
          closedLearners: c.learners,
          closedCohorts: c.cohorts,
          closedCertificates: c.certificates,
        },
        select: { id: true },
      });
      await recordAudit(
        tx,
        actor,
        {
          action: "ORGANISATION_CLOSE",
          target: organisationId,
          detail:
            `结束合作：学员 ${c.learners} 人，删除个人信息 ${erased} 人，同属其他机构保留 ${c.kept} 人；` +
            `班级 ${c.cohorts} 个，证书 ${c.certificates} 张；停用客户培训管理员 ${admins.count} 人`,
          rows: erased,
        },
        now,
      );
      return { ok: true, erased, kept: c.kept, learners: c.learners, cohorts: c.cohorts, certificates: c.certificates };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
