// The rotating 签到 code: what the projector shows, and what a phone brings back. A token names a
// session and a 20-second window and is signed with the app secret (HMAC), so nobody can make one
// up and every app instance checks it without asking the others. A token is accepted until two
// windows after its own have passed (40–60 s after it appeared): a screenshot forwarded to a
// WeChat group stops working within a minute. The 6-digit manual code is derived from the same
// window, so it rotates with the QR. The scan leaves a pass (a signed session id and scan time)
// that survives signing in, which may take longer than the token lives.
import { createHmac, timingSafeEqual } from "node:crypto";

export const WINDOW_MS = 20_000;
/** Windows after its own that a token is still accepted in. */
export const GRACE_WINDOWS = 2;
/** Clock skew between app instances: a token from the next window is accepted too. */
const AHEAD_WINDOWS = 1;
/** How long the pass of a scan lasts: long enough to sign in (or look up a password) first. */
export const PASS_MS = 15 * 60_000;

export type Purpose = "in" | "out";

export const windowOf = (now: number) => Math.floor(now / WINDOW_MS);

function mac(secret: string, text: string, length: number) {
  return createHmac("sha256", secret).update(text).digest("base64url").slice(0, length);
}

function sameText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SESSION_ID = /^[a-z0-9]{1,40}$/i;

/** The token of one window: `<session>.<window>.<purpose>.<mac>`, URL-safe and short (a sparse QR). */
export function signToken(secret: string, sessionId: string, window: number, purpose: Purpose = "in"): string {
  const body = `${sessionId}.${window.toString(36)}.${purpose}`;
  return `${body}.${mac(secret, `check-in:${body}`, 16)}`;
}

export type TokenCheck =
  { ok: true; sessionId: string; purpose: Purpose } | { ok: false; code: "MALFORMED" | "EXPIRED" };

export function verifyToken(secret: string, token: string | null | undefined, now: number): TokenCheck {
  const parts = (token ?? "").split(".");
  if (parts.length !== 4) return { ok: false, code: "MALFORMED" };
  const [sessionId, w, purpose, given] = parts as [string, string, string, string];
  const window = parseInt(w, 36);
  if (!SESSION_ID.test(sessionId) || !/^[a-z0-9]{1,12}$/.test(w) || (purpose !== "in" && purpose !== "out"))
    return { ok: false, code: "MALFORMED" };
  if (!sameText(signToken(secret, sessionId, window, purpose).split(".")[3]!, given))
    return { ok: false, code: "MALFORMED" };
  const current = windowOf(now);
  if (window < current - GRACE_WINDOWS || window > current + AHEAD_WINDOWS) return { ok: false, code: "EXPIRED" };
  return { ok: true, sessionId, purpose };
}

/** The 6-digit code shown beside the QR, for phones whose camera cannot scan. */
export function manualCode(secret: string, sessionId: string, window: number, purpose: Purpose = "in"): string {
  const digest = createHmac("sha256", secret).update(`check-in-code:${sessionId}.${window}.${purpose}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, "0");
}

/** Whether `code` is the session's code of a window still accepted now. */
export function matchesManualCode(
  secret: string,
  sessionId: string,
  code: string,
  now: number,
  purpose: Purpose = "in",
): boolean {
  const current = windowOf(now);
  let hit = false;
  for (let w = current - GRACE_WINDOWS; w <= current + AHEAD_WINDOWS; w++)
    hit = sameText(manualCode(secret, sessionId, w, purpose), code) || hit;
  return hit;
}

export type ScreenCode = { token: string; code: string; from: number; until: number };

/**
 * The codes the projector shows from now on, one per window: the screen rotates through them by
 * its own clock, so a network blip of up to a minute does not freeze an expired QR on the wall.
 */
export function screenCodes(secret: string, sessionId: string, now: number, purpose: Purpose, count = 4) {
  const first = windowOf(now);
  return Array.from({ length: count }, (_, i): ScreenCode => {
    const w = first + i;
    return {
      token: signToken(secret, sessionId, w, purpose),
      code: manualCode(secret, sessionId, w, purpose),
      from: w * WINDOW_MS,
      until: (w + 1) * WINDOW_MS,
    };
  });
}

/** The pass a valid scan leaves in the browser (an HttpOnly cookie): which session, scanned when. */
export function signPass(secret: string, sessionId: string, purpose: Purpose, scannedAt: number): string {
  const body = `${sessionId}.${purpose}.${scannedAt}`;
  return `${body}.${mac(secret, `check-in-pass:${body}`, 22)}`;
}

export type Pass = { sessionId: string; purpose: Purpose; scannedAt: Date };

export function readPass(secret: string, pass: string | null | undefined, now: number): Pass | null {
  const parts = (pass ?? "").split(".");
  if (parts.length !== 4) return null;
  const [sessionId, purpose, at, given] = parts as [string, string, string, string];
  const scannedAt = Number(at);
  if (!SESSION_ID.test(sessionId) || (purpose !== "in" && purpose !== "out") || !Number.isSafeInteger(scannedAt))
    return null;
  if (!sameText(signPass(secret, sessionId, purpose, scannedAt).split(".")[3]!, given)) return null;
  if (scannedAt > now + 60_000 || now - scannedAt > PASS_MS) return null;
  return { sessionId, purpose, scannedAt: new Date(scannedAt) };
}

/** A scanned token, checked, as the pass it leaves (or why it leaves none). */
export function passFromScan(
  secret: string,
  token: string,
  now: number,
): { ok: true; pass: string } | { ok: false; code: "MALFORMED" | "EXPIRED" } {
  const check = verifyToken(secret, token, now);
  return check.ok ? { ok: true, pass: signPass(secret, check.sessionId, check.purpose, now) } : check;
}
