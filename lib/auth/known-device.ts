// A browser that has signed in to an account before carries a signed "known device" cookie for
// it. When an account is under a password-guessing attack (decision 0011), sign-ins are refused
// from everywhere else, but its owner on their usual phone or PC still gets in with the right
// password: the attacker cannot lock the owner out.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const DEVICE_COOKIE = "course-known-device";
export const DEVICE_MAX_AGE_S = 180 * 24 * 3600;

const sign = (payload: string) =>
  createHmac("sha256", env.NEXTAUTH_SECRET ?? "")
    .update(`device:${payload}`)
    .digest("base64url");

export function deviceCookieValue(email: string, now = Date.now()): string {
  const payload = `${Buffer.from(email).toString("base64url")}.${now}`;
  return `${payload}.${sign(payload)}`;
}

/** Does this Cookie header carry a valid known-device cookie for this email? */
export function isKnownDevice(cookieHeader: string | null | undefined, email: string, now = Date.now()): boolean {
  const raw = cookieHeader
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
    ?.slice(DEVICE_COOKIE.length + 1);
  if (!raw) return false;
  const [who, issued, mac] = raw.split(".");
  if (!who || !issued || !mac) return false;
  const expected = Buffer.from(sign(`${who}.${issued}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (now - Number(issued) > DEVICE_MAX_AGE_S * 1000) return false;
  return Buffer.from(who, "base64url").toString() === email;
}
