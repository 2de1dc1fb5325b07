// The minimum-fill-time check. The form carries a token saying when it was handed out, signed
// so a bot cannot simply claim it started long ago. A person needs more than a few seconds to
// fill the form; a script posting at once is refused (and told to try again).
import { createHmac, timingSafeEqual } from "node:crypto";

export const MIN_FILL_MS = 3_000;
export const MAX_TOKEN_AGE_MS = 24 * 3_600_000;

function sign(issuedAt: number, secret: string) {
  return createHmac("sha256", secret).update(`enquiry-form:${issuedAt}`).digest("base64url").slice(0, 32);
}

export function issueFormToken(secret: string, now = Date.now()): string {
  return `${now}.${sign(now, secret)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: "missing" | "forged" | "too-fast" | "expired" };

export function checkFormToken(token: string | undefined | null, secret: string, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const [issued, mac] = token.split(".");
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !mac) return { ok: false, reason: "forged" };
  const expected = Buffer.from(sign(issuedAt, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (now - issuedAt < MIN_FILL_MS) return { ok: false, reason: "too-fast" };
  if (now - issuedAt > MAX_TOKEN_AGE_MS) return { ok: false, reason: "expired" };
  return { ok: true };
}
