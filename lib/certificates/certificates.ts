// Certificates of completion. issueCertificateIfComplete is called whenever progress may have
// completed the course (after a quiz submit, a lesson marked done, or a visit to /me); issuing
// twice returns the same certificate.
import { randomBytes } from "node:crypto";
import type { Content } from "@/lib/content/load";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getLearnerProgress } from "@/lib/progress/progress";

/** 20 characters from a 31-letter alphabet (about 99 bits): not guessable, easy to read out. */
export function newCertificateId(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join("");
}

export async function issueCertificateIfComplete(
  db: PrismaClient,
  content: Content,
  quizIds: string[],
  userId: string,
) {
  const existing = await db.certificate.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return existing.id;
  const progress = await getLearnerProgress(db, content, quizIds, userId);
  if (!progress.courseDone) return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const cert = await db.certificate.upsert({
    where: { userId },
    create: { id: newCertificateId(), userId, name: user.name },
    update: {},
    select: { id: true },
  });
  return cert.id;
}

export async function getCertificate(db: PrismaClient, id: string) {
  if (!/^[A-Z2-9]{20}$/.test(id)) return null;
  return db.certificate.findUnique({ where: { id }, select: { id: true, name: true, issuedAt: true } });
}
