// After `next build`: record the inline-script hashes of every prerendered page in
// .next/csp-static-hashes.json, which proxy.ts reads to build those pages' CSP (lib/security/csp.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inlineScriptHashes } from "@/lib/security/csp";

export const CSP_HASHES_FILE = ".next/csp-static-hashes.json";

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

export async function writeCspHashes(appDir = ".next/server/app") {
  const out: Record<string, string[]> = {};
  for (const file of htmlFiles(appDir)) {
    let route =
      "/" +
      path
        .relative(appDir, file)
        .replace(/\.html$/, "")
        .split(path.sep)
        .join("/");
    if (route === "/index") route = "/";
    out[route] = await inlineScriptHashes(readFileSync(file, "utf8"));
  }
  writeFileSync(CSP_HASHES_FILE, JSON.stringify(out));
  return Object.keys(out).length;
}
