// The client's address for rate limiting. Behind nginx (deploy/nginx.conf) the app sees only the
// proxy, so X-Forwarded-For is read — its last entry, the one our own proxy appended, because
// earlier entries are whatever the client chose to send.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return headers.get("x-real-ip") ?? "local";
}
