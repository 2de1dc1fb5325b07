// The absolute address a QR code must carry: SITE_URL when set, else the host this request came
// to (as the cohort page builds its invite link), so phones on the training centre's network reach it.
import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { env } from "@/lib/env";

export async function absoluteUrl(path: string): Promise<string> {
  const origin = env.SITE_URL ?? `http://${(await headers()).get("host") ?? "localhost"}`;
  return new URL(path, origin).toString();
}

/** An SVG QR code for a link (drawn on the server, works offline). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
