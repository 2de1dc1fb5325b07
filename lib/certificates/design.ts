// The certificate's design an admin sets once for the consultancy: the issuer's name, the
// signatory's title, and a seal and a signature image. Images are checked by their first bytes
// (PNG or JPEG only: the PDF writer and the PNG renderer both draw those two, not WebP) and
// stored as given in one row (decision 0030, as organisation logos in decision 0020).
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { detectLogoType } from "@/lib/organisations/logo";

export const ARTWORK_MAX_BYTES = 512 * 1024;

export type ArtworkKind = "seal" | "signature";
export type ArtworkType = "image/png" | "image/jpeg";
export type Artwork = { type: ArtworkType; bytes: Uint8Array };

export type DesignProblem = "IMAGE_MISSING" | "IMAGE_TOO_LARGE" | "IMAGE_NOT_PNG_OR_JPEG";

/** Before an admin fills the form: what the app can honestly print. */
export const DEFAULT_DESIGN = { issuerName: "课程运营方", signatoryTitle: "培训负责人" };

export type CertificateDesign = {
  issuerName: string;
  signatoryTitle: string;
  seal: Artwork | null;
  signature: Artwork | null;
};

const DESIGN_ID = "current";

/** Why these bytes cannot be a seal or signature image, or their type. */
export function checkArtwork(bytes: Uint8Array): { ok: true; type: ArtworkType } | { ok: false; code: DesignProblem } {
  if (bytes.length === 0) return { ok: false, code: "IMAGE_MISSING" };
  if (bytes.length > ARTWORK_MAX_BYTES) return { ok: false, code: "IMAGE_TOO_LARGE" };
  const type = detectLogoType(bytes);
  return type === "image/png" || type === "image/jpeg"
    ? { ok: true, type }
    : { ok: false, code: "IMAGE_NOT_PNG_OR_JPEG" };
}

function artwork(type: string | null, bytes: Uint8Array | null): Artwork | null {
  return (type === "image/png" || type === "image/jpeg") && bytes ? { type, bytes } : null;
}

/** The design with its images, for drawing a certificate. */
export async function getCertificateDesign(db: PrismaClient): Promise<CertificateDesign> {
  const row = await db.certificateDesign.findUnique({
    where: { id: DESIGN_ID },
    select: {
      issuerName: true,
      signatoryTitle: true,
      sealType: true,
      sealBytes: true,
      signatureType: true,
      signatureBytes: true,
    },
  });
  if (!row) return { ...DEFAULT_DESIGN, seal: null, signature: null };
  return {
    issuerName: row.issuerName,
    signatoryTitle: row.signatoryTitle,
    seal: artwork(row.sealType, row.sealBytes),
    signature: artwork(row.signatureType, row.signatureBytes),
  };
}

/** The design without the image bytes, for pages (the settings form, the public facts). */
export async function getCertificateDesignSummary(db: PrismaClient) {
  const row = await db.certificateDesign.findUnique({
    where: { id: DESIGN_ID },
    select: { issuerName: true, signatoryTitle: true, sealSha256: true, signatureSha256: true, updatedAt: true },
  });
  return {
    issuerName: row?.issuerName ?? DEFAULT_DESIGN.issuerName,
    signatoryTitle: row?.signatoryTitle ?? DEFAULT_DESIGN.signatoryTitle,
    hasSeal: Boolean(row?.sealSha256),
    hasSignature: Boolean(row?.signatureSha256),
    updatedAt: row?.updatedAt ?? null,
  };
}

/**
 * The issuer's name as an admin saved it, or null before anyone has: the 结项报告 names the same
 * consultancy as the certificates, with its own wording until then (docs/decisions/0027).
 */
export async function getSavedIssuerName(db: PrismaClient): Promise<string | null> {
  const row = await db.certificateDesign.findUnique({ where: { id: DESIGN_ID }, select: { issuerName: true } });
  return row?.issuerName ?? null;
}

export type DesignResult = { ok: true } | { ok: false; code: DesignProblem };

function imageFields(kind: ArtworkKind, type: ArtworkType | null, bytes: Uint8Array | null) {
  const stored = bytes ? Uint8Array.from(bytes) : null;
  const sha256 = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
  return kind === "seal"
    ? { sealType: type, sealBytes: stored, sealSha256: sha256 }
    : { signatureType: type, signatureBytes: stored, signatureSha256: sha256 };
}

export const ARTWORK_LABELS: Record<ArtworkKind, string> = { seal: "印章", signature: "签名" };

type DesignFields = Partial<Omit<Prisma.CertificateDesignCreateInput, "id">>;

async function saveDesign(db: PrismaClient, actor: Actor, data: DesignFields, detail: string) {
  await db.$transaction(async (tx) => {
    await tx.certificateDesign.upsert({
      where: { id: DESIGN_ID },
      create: { id: DESIGN_ID, ...DEFAULT_DESIGN, ...data },
      update: data,
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "CERTIFICATE_DESIGN_CHANGE", target: DESIGN_ID, detail });
  });
}

/** The issuer's name and the signatory's title; audited. */
export async function saveCertificateWording(
  db: PrismaClient,
  actor: Actor,
  wording: { issuerName: string; signatoryTitle: string },
) {
  await saveDesign(db, actor, wording, "修改颁发机构名称和签署人职务");
}

/** Sets (bytes) or removes (null) the seal or the signature; audited with its type and size, never the bytes. */
export async function setCertificateImage(
  db: PrismaClient,
  actor: Actor,
  kind: ArtworkKind,
  bytes: Uint8Array | null,
): Promise<DesignResult> {
  if (bytes === null) {
    await saveDesign(db, actor, imageFields(kind, null, null), `删除${ARTWORK_LABELS[kind]}`);
    return { ok: true };
  }
  const checked = checkArtwork(bytes);
  if (!checked.ok) return checked;
  await saveDesign(
    db,
    actor,
    imageFields(kind, checked.type, bytes),
    `更换${ARTWORK_LABELS[kind]}（${checked.type}，${bytes.length} 字节）`,
  );
  return { ok: true };
}
