// After `next build` and the page rewrite: the script chunks the prerendered pages load at start
// get V8's explicit compile hint, a first-line comment `//# allFunctionsCalledOnLoad`. Why
// (docs/decisions/0037): nearly all of a page's main-thread start-up was V8 compiling React DOM
// and the router lazily, function by function, the first time each was called, in one task of
// 70–90 ms unthrottled that Lighthouse counts four times over. With the hint, Chromium compiles
// the whole file eagerly on a background thread while it streams in, so the main thread only runs
// it. Browsers without the feature (WebKit, older Chromium) read a comment and nothing changes.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The chunk with the hint as its very first line (V8 reads it only there). Idempotent. */
export function withCompileHint(js: string): string {
  return js.startsWith(COMPILE_HINT) ? js : COMPILE_HINT + js;
}

/** Adds the hint to each chunk named by its URL path (/_next/static/chunks/…); returns how many. */
export function hintChunks(srcs: Iterable<string>, staticDir = ".next/static"): number {
  let n = 0;
  for (const src of new Set(srcs)) {
    const m = src.match(/^\/_next\/static\/(chunks\/[^?#]+\.js)$/);
    if (!m) throw new Error(`not a chunk path: ${src}`);
    const file = path.join(staticDir, m[1]!);
    if (!existsSync(file)) throw new Error(`${file}: chunk named by a page is missing from the build`);
    writeFileSync(file, withCompileHint(readFileSync(file, "utf8")));
    n++;
  }
  return n;
}
