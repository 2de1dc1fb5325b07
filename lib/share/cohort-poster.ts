// Which poster of which cohort, for whom: the invite poster carries the invite link, so it is
// offered where the invite link is (the cohort's trainer and the admin, while the bank is a client);
// the course poster carries only the course's address, so the bank's client admin may use it too.
import "server-only";
import { createElement } from "react";
import { z } from "zod";
import type { getCohortFor } from "@/lib/cohorts/cohorts";
import { getContent } from "@/lib/content";
import { formatDate } from "@/lib/format/beijing-time";
import type { Role } from "@/lib/generated/prisma/enums";
import { FONT_FAMILY } from "./fonts";
import { POSTER_KINDS, POSTER_QR_PX, POSTER_SIZE, Poster, posterFileName, type PosterKind } from "./poster";
import { qrDataUrl } from "./qr";
import { renderPng } from "./render";

export const posterKindSchema = z.enum(POSTER_KINDS);

type Cohort = NonNullable<Awaited<ReturnType<typeof getCohortFor>>>;

export type PosterRefusal = { ok: false; code: "INVITE_NOT_YOURS" | "ORGANISATION_CLOSED"; status: 403 | 409 };

/** Whether this viewer may have this poster of a cohort they can see. */
export function mayHavePoster(
  role: Role,
  cohort: Pick<Cohort, "organisation">,
  kind: PosterKind,
): PosterRefusal | null {
  if (kind !== "invite") return null;
  if (role === "CLIENT_ADMIN") return { ok: false, code: "INVITE_NOT_YOURS", status: 403 };
  if (cohort.organisation.closedAt) return { ok: false, code: "ORGANISATION_CLOSED", status: 409 };
  return null;
}

/** Where the poster's QR code leads, from the site's public address. */
export function posterTarget(kind: PosterKind, origin: string, inviteCode: string): string {
  return kind === "invite" ? `${origin}/join/${encodeURIComponent(inviteCode)}` : `${origin}/course`;
}

export async function renderCohortPoster(cohort: Cohort, kind: PosterKind, origin: string): Promise<Response> {
  const dates =
    cohort.startsOn && cohort.endsOn
      ? `${formatDate(cohort.startsOn)} 至 ${formatDate(cohort.endsOn)}`
      : cohort.startsOn
        ? `${formatDate(cohort.startsOn)} 开班`
        : null;
  const element = createElement(Poster, {
    kind,
    courseTitle: getContent().course.title,
    bankName: cohort.organisation.name,
    cohortName: cohort.name,
    dates,
    inviteCode: kind === "invite" ? cohort.inviteCode : null,
    qrDataUrl: await qrDataUrl(posterTarget(kind, origin, cohort.inviteCode), POSTER_QR_PX),
    fontFamily: FONT_FAMILY,
  });
  return renderPng(element, {
    ...POSTER_SIZE,
    // The invite code is not for shared caches; the browser may keep it a minute.
    cacheControl: "private, max-age=60",
    fileName: posterFileName(kind, cohort.name),
  });
}
