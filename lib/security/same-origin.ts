// Cross-site requests that change state are refused before they reach a route handler (issue 14
// L3). Server actions get the same check from Next itself; SameSite=Lax cookies alone would still
// let another site's page POST a form to /api/*. Browsers say where a request comes from in
// Sec-Fetch-Site (and Origin); a request without either is not from a browser page, and a
// forged header from a script is not a CSRF (the script holds no victim's cookies).
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  // X-Forwarded-Host survives only from a trusted proxy (scripts/lib/client-address-hook.mjs).
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed or file page) or garbage
  }
}
