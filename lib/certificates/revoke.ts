// Revoking a certificate (decision 0030): the staff of the learner's class (its trainer, an
// admin) with a reason category and a note for staff. The row stays: the verification page then
// says 已撤销 with the date and the category, so a copy already in a staff file can be checked.
// The change and its audit event land in one transaction; the event holds the reason's code,
// never the note (which may name people).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CertificateRevokeReason } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Viewer } from "@/lib/organisations/scope";
import { authoriseCertificate } from "./facts";

export type RevokeProblem = "NOT_FOUND" | "FORBIDDEN" | "ALREADY_REVOKED";

export async function revokeCertificate(
  db: PrismaClient,
  actor: Viewer & { name: string },
  number: string,
  reason: CertificateRevokeReason,
  note: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; code: RevokeProblem }> {
  const access = await authoriseCertificate(db, actor, number);
  if (!access.ok) return access;
  if (!access.canRevoke) return { ok: false, code: "FORBIDDEN" };
  return db.$transaction(async (tx) => {
    // Only a valid certificate is revoked: a second revoke (two trainers at once) changes nothing.
    const { count } = await tx.certificate.updateMany({
      where: { id: number, revokedAt: null },
      data: { revokedAt: now, revokeReason: reason, revokeNote: note, revokedById: actor.id },
    });
    if (count === 0) return { ok: false as const, code: "ALREADY_REVOKED" as const };
    await recordAudit(
      tx,
      { id: actor.id, name: actor.name },
      { action: "CERTIFICATE_REVOKE", target: number, detail: reason, rows: 1 },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * The members of these cohorts whose certificate is revoked. Completing the course stays
 * completing it (the dashboards' 已结业); only a count of valid certificates leaves these out.
 * Revocations are rare, so this is a short list whatever the cohort's size.
 */
export async function listRevokedHolders(db: PrismaClient, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db.$queryRaw<{ cohortId: string; userId: string }[]>`
    SELECT cm."cohortId", cm."userId" FROM "Certificate" c JOIN "CohortMember" cm ON cm."userId" = c."userId"
    WHERE c."revokedAt" IS NOT NULL AND cm."cohortId" = ANY(${cohortIds}::text[])`;
}
