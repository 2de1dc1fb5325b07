// The images drawn on a certificate besides its text: the QR code to the verification page, the
// admin's seal and signature, and the bank's logo when it is a PNG or JPEG (a WebP logo is left
// out: neither the PDF writer nor the PNG renderer draws WebP).
import "server-only";
import QRCode from "qrcode";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getCertificateDesign, type Artwork } from "./design";
import type { CertificateFacts } from "./facts";

export type CertificateArtwork = { qr: Buffer; seal: Artwork | null; signature: Artwork | null; logo: Artwork | null };

export async function loadCertificateArtwork(
  db: PrismaClient,
  facts: CertificateFacts,
  verifyAddress: string,
): Promise<CertificateArtwork> {
  const logoType = facts.organisation?.logoType;
  const [qr, design, logo] = await Promise.all([
    QRCode.toBuffer(verifyAddress, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 360 }),
    getCertificateDesign(db),
    facts.organisation && (logoType === "image/png" || logoType === "image/jpeg")
      ? db.organisationLogo.findUnique({
          where: { organisationId: facts.organisation.id },
          select: { contentType: true, bytes: true },
        })
      : null,
  ]);
  return {
    qr,
    seal: design.seal,
    signature: design.signature,
    logo:
      logo && (logo.contentType === "image/png" || logo.contentType === "image/jpeg")
        ? { type: logo.contentType, bytes: logo.bytes }
        : null,
  };
}

export const dataUrl = (a: { type: string; bytes: Uint8Array }) =>
  `data:${a.type};base64,${Buffer.from(a.bytes).toString("base64")}`;
