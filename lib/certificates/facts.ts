// What a certificate says, gathered in one place for the page, the PNG, the PDF and the public
// verification page, and who may see it in full (decision 0030). The certificate belongs to a
// learner, not to a cohort; the class and bank it names are the learner's cohort at the time it
// was issued (the latest joined on or before that day, else the latest joined).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CertificateRevokeReason } from "@/lib/generated/prisma/enums";
import { currentOnlineModules, getCohortHours, NO_HOURS } from "@/lib/attendance/hours";
import { getContent } from "@/lib/content";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { getCertificateDesignSummary } from "./design";
import { CERTIFICATE_NUMBER, maskName, scoreBand, type ScoreBand } from "./rules";

export type CertificateFacts = {
  number: string;
  userId: string;
  /** The name as it was on the day of issue. */
  name: string;
  courseTitle: string;
  issuedAt: Date;
  band: ScoreBand;
  hours: { online: number; classroom: number; total: number };
  organisation: { id: string; name: string; logoType: string | null } | null;
  cohort: { id: string; name: string } | null;
  issuerName: string;
  signatoryTitle: string;
  revoked: { at: Date; reason: CertificateRevokeReason } | null;
};

export async function getCertificateFacts(db: PrismaClient, number: string): Promise<CertificateFacts | null> {
  if (!CERTIFICATE_NUMBER.test(number)) return null;
  const cert = await db.certificate.findUnique({
    where: { id: number },
    select: { id: true, userId: true, name: true, issuedAt: true, revokedAt: true, revokeReason: true },
  });
  if (!cert) return null;
  // The certificate's own class, not a viewer's list: who may see it is decided afterwards, through
  // the cohort scope (authoriseCertificate).
  const [memberships, best, design] = await Promise.all([
    db.cohortMember.findMany({
      where: { userId: cert.userId },
      orderBy: { joinedAt: "desc" },
      select: {
        joinedAt: true,
        cohort: {
          select: {
            id: true,
            name: true,
            organisation: { select: { id: true, name: true, logo: { select: { contentType: true } } } },
          },
        },
      },
    }),
    db.attempt.aggregate({
      where: { userId: cert.userId, quizId: FINAL_QUIZ_ID, passed: true, submittedAt: { not: null } },
      _max: { percent: true },
    }),
    getCertificateDesignSummary(db),
  ]);
  const cohort = (memberships.find((m) => m.joinedAt <= cert.issuedAt) ?? memberships[0])?.cohort ?? null;
  // Without a class there are no classroom sessions: the cohort id "" matches none, online hours only.
  const hours =
    (await getCohortHours(db, cohort?.id ?? "", await currentOnlineModules(), [cert.userId])).get(cert.userId) ??
    NO_HOURS;
  return {
    number: cert.id,
    userId: cert.userId,
    name: cert.name,
    courseTitle: getContent().course.title,
    issuedAt: cert.issuedAt,
    band: scoreBand(best._max.percent),
    hours: { online: hours.onlineHours, classroom: hours.classroomHours, total: hours.totalHours },
    organisation: cohort
      ? {
          id: cohort.organisation.id,
          name: cohort.organisation.name,
          logoType: cohort.organisation.logo?.contentType ?? null,
        }
      : null,
    cohort: cohort ? { id: cohort.id, name: cohort.name } : null,
    issuerName: design.issuerName,
    signatoryTitle: design.signatoryTitle,
    revoked: cert.revokedAt && cert.revokeReason ? { at: cert.revokedAt, reason: cert.revokeReason } : null,
  };
}

export type PublicCertificateFacts = Omit<CertificateFacts, "userId" | "name" | "organisation" | "cohort"> & {
  maskedName: string;
  organisationName: string | null;
  cohortName: string | null;
};

/**
 * What anyone holding the number may read (the verification page, share images): the facts with
 * the name masked and no ids, or null when there is no such certificate.
 */
export async function getPublicCertificateFacts(
  db: PrismaClient,
  number: string,
): Promise<PublicCertificateFacts | null> {
  const facts = await getCertificateFacts(db, number);
  if (!facts) return null;
  const { userId: _userId, name, organisation, cohort, ...rest } = facts;
  return {
    ...rest,
    maskedName: maskName(name),
    organisationName: organisation?.name ?? null,
    cohortName: cohort?.name ?? null,
  };
}

export type CertificateAccess =
  { ok: true; facts: CertificateFacts; canRevoke: boolean } | { ok: false; code: "NOT_FOUND" | "FORBIDDEN" };

/**
 * The certificate in full, for its holder, the staff of its class (its trainer, admins) and its
 * bank's client admins; revoking is for the staff only (a client admin reads, never changes).
 */
export async function authoriseCertificate(
  db: PrismaClient,
  viewer: Viewer,
  number: string,
): Promise<CertificateAccess> {
  const facts = await getCertificateFacts(db, number);
  if (!facts) return { ok: false, code: "NOT_FOUND" };
  const staff = viewer.role === "TRAINER" || viewer.role === "ADMIN";
  // Admins see every certificate, including those of learners in no class.
  const inScope =
    viewer.role === "ADMIN" ||
    (facts.cohort !== null &&
      (await db.cohort.count({ where: scopedCohortWhere(viewer, { id: facts.cohort.id }) })) > 0);
  if (inScope) return { ok: true, facts, canRevoke: staff };
  if (viewer.id === facts.userId) return { ok: true, facts, canRevoke: false };
  return { ok: false, code: "FORBIDDEN" };
}
