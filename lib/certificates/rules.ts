// Pure rules of the certificate (decision 0030): the final score band, the masked name shown on
// the public verification page, and the reasons a certificate can be revoked.
import type { CertificateRevokeReason } from "@/lib/generated/prisma/enums";

export type ScoreBand = "EXCELLENT" | "GOOD" | "PASS";

/**
 * The band of the best passing score of the final (percent). Fixed cut-offs rather than ranks in
 * the cohort, so a bank's HR reads the same band the same way for every class: 90 and above
 * 优秀, 80 and above 良好, otherwise 合格 (a certificate means the final was passed). A learner
 * whose course has no scored final (a course without one) is 合格.
 */
export function scoreBand(percent: number | null): ScoreBand {
  if (percent === null) return "PASS";
  if (percent >= 90) return "EXCELLENT";
  if (percent >= 80) return "GOOD";
  return "PASS";
}

export const SCORE_BAND_LABELS: Record<ScoreBand, string> = { EXCELLENT: "优秀", GOOD: "良好", PASS: "合格" };

/**
 * The name as the public page shows it: first and last character kept, everything between starred
 * (张三明 → 张*明, 欧阳明月 → 欧**月); a two-character name keeps its first (张三 → 张*), a
 * one-character name shows only a star. Enough for the HR colleague holding the paper to match
 * it, not enough for a stranger with the link to learn who it is.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export const REVOKE_REASONS = [
  "MISCONDUCT",
  "DATA_ERROR",
  "ISSUED_IN_ERROR",
  "OTHER",
] as const satisfies readonly CertificateRevokeReason[];

export const REVOKE_REASON_LABELS: Record<CertificateRevokeReason, string> = {
  MISCONDUCT: "考核违纪",
  DATA_ERROR: "证书信息有误",
  ISSUED_IN_ERROR: "误发",
  OTHER: "其他原因",
};

/** The certificate number as issued: 20 characters of the unambiguous alphabet (newCertificateId). */
export const CERTIFICATE_NUMBER = /^[A-Z2-9]{20}$/;
