// What the projector's check-in screen needs on each poll: the QR codes (as SVG, drawn on the
// server with `qrcode`) and manual codes of the next windows, with the live figures.
import "server-only";
import QRCode from "qrcode";
import { formatTime } from "@/lib/format/beijing-time";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STATUS_LABELS } from "./labels";
import { getLiveSummary } from "./register";
import { checkInSecret } from "./secret";
import { screenCodes, type Purpose } from "./token";

export type ScreenFrame = { url: string; svg: string; code: string; from: number; until: number };

export type ScreenState = {
  now: number;
  purpose: Purpose;
  frames: ScreenFrame[];
  members: number;
  checkedIn: number;
  signedOut: number;
  latest: { name: string; time: string; status: string }[];
};

export async function getScreenState(
  db: PrismaClient,
  origin: string,
  session: { id: string; cohortId: string },
  purpose: Purpose,
  now = Date.now(),
): Promise<ScreenState> {
  const codes = screenCodes(checkInSecret(), session.id, now, purpose);
  const [frames, live] = await Promise.all([
    Promise.all(
      codes.map(async (c): Promise<ScreenFrame> => {
        const url = `${origin}/check-in/${c.token}`;
        const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
        return { url, svg, code: c.code, from: c.from, until: c.until };
      }),
    ),
    getLiveSummary(db, session.cohortId, session.id),
  ]);
  return {
    now,
    purpose,
    frames,
    members: live.members,
    checkedIn: live.checkedIn,
    signedOut: live.signedOut,
    latest: live.latest.map((l) => ({ name: l.name, time: formatTime(l.at), status: STATUS_LABELS[l.status] })),
  };
}

/** The address phones reach the site at: SITE_URL, else the host the trainer's browser used. */
export function siteOrigin(siteUrl: string | undefined, headers: Headers): string {
  if (siteUrl) return siteUrl.replace(/\/+$/, "");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${headers.get("host") ?? "localhost"}`;
}
