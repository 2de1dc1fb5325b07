// The minimum-fill-time check, and one enquiry per form. The form carries a token saying when it
// was handed out, with a random id, signed so a bot can neither claim it started long ago nor
// make up ids. A person needs more than a few seconds to fill the form; a script posting at once
// is refused (and told to try again). The id is stored with the enquiry (unique), so one token
// sends one enquiry: replaying it for a second, different enquiry is refused.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const MIN_FILL_MS = 3_000;
export const MAX_TOKEN_AGE_MS = 24 * 3_600_000;

function sign(issuedAt: number, id: string, secret: string) {
  return createHmac("sha256", secret).update(`enquiry-form:${issuedAt}:${id}`).digest("base64url").slice(0, 32);
}

export function issueFormToken(secret: string, now = Date.now()): string {
  const id = randomBytes(12).toString("base64url");
  return `${now}.${id}.${sign(now, id, secret)}`;
}

export type TokenCheck =
  { ok: true; tokenId: string } | { ok: false; reason: "missing" | "forged" | "too-fast" | "expired" };

export function checkFormToken(token: string | undefined | null, secret: string, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  const [issued, id, mac] = token.split(".");
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !id || !/^[A-Za-z0-9_-]{16}$/.test(id) || !mac)
    return { ok: false, reason: "forged" };
  const expected = Buffer.from(sign(issuedAt, id, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (now - issuedAt < MIN_FILL_MS) return { ok: false, reason: "too-fast" };
  if (now - issuedAt > MAX_TOKEN_AGE_MS) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: id };
}
