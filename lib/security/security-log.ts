// Security events as one JSON line each on stderr, for an operator (or their log shipper) to see
// an attack: failed sign-ins, lockouts, refusals by a rate limit, 403s on staff pages. No
// passwords, emails or names: the user id when the account exists, and the client address as a
// keyed hash (the same address gives the same tag within a deployment, so lines can be grouped
// without the log itself holding addresses — PIPL treats them as personal data).
import { createHmac } from "node:crypto";

export type SecurityEvent =
  | "signin_failed"
  | "signin_refused_rate_limit"
  | "signin_refused_locked"
  | "signin_refused_disabled"
  | "account_locked"
  | "signup_refused_rate_limit"
  | "reset_request_refused_rate_limit"
  | "enquiry_refused_rate_limit"
  | "forbidden"
  | "cross_site_refused";

const KEY = process.env.NEXTAUTH_SECRET ?? "course-security-log";

export function addressTag(address: string): string {
  return createHmac("sha256", KEY).update(`addr:${address}`).digest("hex").slice(0, 12);
}

export function logSecurityEvent(
  event: SecurityEvent,
  detail: { ip?: string; userId?: string | null; path?: string; reason?: string } = {},
) {
  const line: Record<string, string> = { at: new Date().toISOString(), level: "warn", kind: "security", event };
  if (detail.ip) line.ipTag = addressTag(detail.ip);
  if (detail.userId) line.userId = detail.userId;
  if (detail.path) line.path = detail.path.slice(0, 200);
  if (detail.reason) line.reason = detail.reason;
  console.warn(JSON.stringify(line));
}
