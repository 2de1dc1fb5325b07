// Runs before every page and route: refuses cross-site writes to /api/* (lib/security/same-origin.ts)
// and sets the Content-Security-Policy (lib/security/csp.ts).
// Authorisation is NOT done here: every page, action and route handler checks for itself
// (lib/auth/session.ts); a proxy is too easy to bypass to be the only gate.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { buildCsp } from "@/lib/security/csp";
import { refuseActionBody, refuseByShape } from "@/lib/security/request-shape";
import { isCrossSiteWrite } from "@/lib/security/same-origin";
import { logSecurityEvent } from "@/lib/security/security-log";

let staticHashes: Record<string, string[]> | undefined;
function hashesFor(pathname: string): string[] | undefined {
  if (staticHashes === undefined) {
    try {
      staticHashes = JSON.parse(readFileSync(path.join(process.cwd(), ".next/csp-static-hashes.json"), "utf8"));
    } catch {
      staticHashes = {}; // development, or a build made without scripts/lib/build-cache.ts
    }
  }
  return staticHashes![pathname.replace(/\/$/, "") || "/"];
}

export async function proxy(request: NextRequest) {
  // The raw path as sent: request.nextUrl has already been normalised.
  const rawPath = new URL(request.url).pathname;
  const refused = refuseByShape(request.method, rawPath) ?? (await refuseActionBody(request));
  if (refused) {
    return Response.json(
      { error: refused.status === 405 ? "不支持的请求方法" : "请求格式不正确" },
      { status: refused.status, headers: refused.status === 405 ? { Allow: "GET, HEAD, POST" } : {} },
    );
  }
  if (request.nextUrl.pathname.startsWith("/api/") && isCrossSiteWrite(request.method, request.headers)) {
    logSecurityEvent("cross_site_refused", { path: request.nextUrl.pathname });
    return Response.json({ error: "不接受来自其他网站的请求" }, { status: 403 });
  }
  const dev = process.env.NODE_ENV === "development";
  const pageHashes = hashesFor(request.nextUrl.pathname);
  if (pageHashes) {
    // A prerendered page: allow exactly its own inline scripts.
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", buildCsp({ hashes: pageHashes, dev }));
    return response;
  }
  // Rendered per request: a fresh nonce, handed to Next through the request's CSP header (Next
  // puts it on its scripts). The 404 page is prerendered, so its hashes are allowed too.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp({ nonce, hashes: hashesFor("/_not-found") ?? [], dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Static assets need no policy of their own; everything else (pages, API) gets one.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
