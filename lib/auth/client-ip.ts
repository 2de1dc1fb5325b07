// The client's address for rate limiting. deploy/nginx.conf sets X-Forwarded-For to the address
// it sees (overwriting whatever the client sent); `next start` fills it with the socket address
// when absent. Taking the last entry also holds behind proxies that append. Without a proxy a
// client can choose this value, which is one reason production runs behind nginx; the
// per-account failure limit does not depend on it.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const last = forwarded
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return headers.get("x-real-ip") ?? "local";
}
