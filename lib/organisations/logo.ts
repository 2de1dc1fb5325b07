// An organisation's logo: checked by its first bytes (a renamed .exe or an SVG with a script is
// refused whatever its name says), stored as given in the database (no image library here to
// re-encode it; decision 0020), and read back only by people who may see that organisation.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { LOGO_MAX_BYTES } from "./schema";
import { organisationScope, type Viewer } from "./scope";

export type LogoType = "image/png" | "image/jpeg" | "image/webp";

export type LogoProblem = "LOGO_MISSING" | "LOGO_TOO_LARGE" | "LOGO_NOT_IMAGE" | "NOT_FOUND" | "CLOSED";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes really are (PNG, JPEG or WebP), or null. */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** Why these bytes cannot be a logo, or their type. */
export function checkLogo(bytes: Uint8Array): { ok: true; type: LogoType } | { ok: false; code: LogoProblem } {
  if (bytes.length === 0) return { ok: false, code: "LOGO_MISSING" };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, code: "LOGO_TOO_LARGE" };
  const type = detectLogoType(bytes);
  return type ? { ok: true, type } : { ok: false, code: "LOGO_NOT_IMAGE" };
}

export type LogoResult = { ok: true } | { ok: false; code: LogoProblem };

/** Sets (bytes) or removes (null) the logo of an open organisation; audited with the change. */
export async function setOrganisationLogo(
  db: PrismaClient,
  actor: Actor,
  organisationId: string,
  bytes: Uint8Array | null,
): Promise<LogoResult> {
  const checked = bytes ? checkLogo(bytes) : null;
  if (checked && !checked.ok) return checked;
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { closedAt: true } });
    if (!org) return { ok: false, code: "NOT_FOUND" };
    if (org.closedAt) return { ok: false, code: "CLOSED" };
    if (bytes && checked?.ok) {
      const data = {
        contentType: checked.type,
        bytes: Uint8Array.from(bytes),
        sha256: createHash("sha256").update(bytes).digest("hex"),
      };
      await tx.organisationLogo.upsert({
        where: { organisationId },
        create: { organisationId, ...data },
        update: data,
        select: { organisationId: true },
      });
    } else {
      await tx.organisationLogo.deleteMany({ where: { organisationId } });
    }
    await recordAudit(tx, actor, {
      action: "ORGANISATION_CHANGE",
      target: organisationId,
      detail: bytes ? `更换机构标志（${checked?.ok ? checked.type : ""}，${bytes.length} 字节）` : "删除机构标志",
    });
    return { ok: true };
  });
}

/**
 * The logo if this viewer may see the organisation: "FORBIDDEN" when they may not (whether or not
 * it exists), "NONE" when they may but it has none.
 */
export async function readOrganisationLogo(db: PrismaClient, viewer: Viewer, organisationId: string) {
  const org = await db.organisation.findFirst({
    where: { AND: [organisationScope(viewer), { id: organisationId }] },
    select: { logo: { select: { contentType: true, bytes: true, sha256: true } } },
  });
  if (!org) return { ok: false as const, code: "FORBIDDEN" as const };
  if (!org.logo) return { ok: false as const, code: "NONE" as const };
  return { ok: true as const, logo: org.logo };
}

/** Where a page shows the logo: the hash in the address makes a replaced logo a new address. */
export function logoHref(organisationId: string, sha256: string) {
  return `/api/organisations/${organisationId}/logo?v=${sha256.slice(0, 16)}`;
}
