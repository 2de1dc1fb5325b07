// One certificate as a file (PNG or PDF) for someone allowed to see it in full (authoriseCertificate):
// the route handlers only phrase the answer.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/organisations/scope";
import { siteUrl } from "@/lib/seo/page-metadata";
import { loadCertificateArtwork } from "./artwork";
import { authoriseCertificate } from "./facts";
import { renderCertificatePdf } from "./render-pdf";
import { renderCertificatePng } from "./render-png";
import { certificateWording, verifyUrl } from "./wording";

export type CertificateFormat = "png" | "pdf";

/** The public origin the QR code points to: SITE_URL / NEXTAUTH_URL, else the request's own. */
export function publicOrigin(requestUrl: string) {
  return (siteUrl() ?? new URL(requestUrl)).origin;
}

export async function renderCertificateFile(
  db: PrismaClient,
  viewer: Viewer,
  number: string,
  format: CertificateFormat,
  origin: string,
) {
  const access = await authoriseCertificate(db, viewer, number);
  if (!access.ok) return access;
  const address = verifyUrl(origin, access.facts.number);
  const wording = certificateWording(access.facts, address);
  const art = await loadCertificateArtwork(db, access.facts, address);
  const body = format === "png" ? await renderCertificatePng(wording, art) : await renderCertificatePdf(wording, art);
  return { ok: true as const, body, fileName: `结业证书-${access.facts.name}-${access.facts.number}.${format}` };
}
