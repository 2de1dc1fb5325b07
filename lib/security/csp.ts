// Content-Security-Policy. Two kinds of page need two ways to allow Next's own inline scripts:
//  - pages rendered per request (sign-in, /me, trainer and admin pages) get a fresh nonce;
//  - prerendered pages (lessons, cases…) are the same bytes for every visitor — that is what lets
//    nginx cache them — so they cannot carry a per-request nonce. Their inline scripts are fixed
//    at build time, so scripts/lib/csp-hashes.ts records each page's sha256 hashes and the policy
//    allows exactly those. Either way no inline script runs unless we put it there.

export type CspOptions = { nonce?: string; hashes?: string[]; dev?: boolean };

export function buildCsp({ nonce, hashes = [], dev = false }: CspOptions): string {
  // No 'strict-dynamic': it would switch off 'self', and the prerendered 404 page (served on
  // paths the proxy cannot tell apart from dynamic ones) loads its chunks without a nonce.
  // Inline scripts still need the nonce or a hash; script files come only from this site.
  const script = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes.map((h) => `'${h}'`)];
  // React's development build evaluates code for its error overlay.
  if (dev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Inline style attributes are low-risk and used by React; scripts are what matters here.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** sha256 hashes (CSP form) of the inline <script> elements of an HTML document. */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  const { createHash } = await import("node:crypto");
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs = "", body = ""] = m;
    if (/\bsrc\s*=/.test(attrs) || body.length === 0) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
