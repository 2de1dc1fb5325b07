// The cookie that carries a scan's pass from /check-in/:token to /check-in (through sign-in).
import "server-only";
import { checkInSecret } from "./secret";
import { readPass, type Pass } from "./token";

export const PASS_COOKIE = "check-in-pass";

/** The pass in the cookie, if it is genuine and fresh. */
export function passFromCookie(value: string | undefined, now = Date.now()): Pass | null {
  return readPass(checkInSecret(), value, now);
}
