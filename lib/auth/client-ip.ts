// The client's address, for rate limits and security logs. The `next start` process decides it
// per request from the TCP peer and TRUSTED_PROXIES (lib/security/client-address.js, hooked in
// by scripts/serve.ts) and leaves exactly that address in X-Forwarded-For, so a client reaching
// the app directly cannot choose it.
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.trim() || "unknown";
}
