// After `next build`, before the CSP hashes: the prerendered pages (landing page, lessons, cases,
// the enquiry page…) load Next's script chunks once the document has been parsed, instead of from
// <head> in parallel with it. Why (docs/decisions/0032, amendment "scripts after the
// first paint"): on a phone on a slow network the 145 KB of script competes with the page's own
// HTML and stylesheet for the first paint, and in Lighthouse's measurement every chunk that ran
// before the largest paint is counted into it. The page is server HTML that works before it is
// hydrated (forms post, links navigate), so hydrating a little later costs little a visitor sees.
// Pages rendered per request (sign-in, /me, trainer, admin) are not touched.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Next 16 writes each chunk as <script src="/_next/static/chunks/…" async=""></script> in <head>,
// and one of them again as a low-priority preload. Matching these exact shapes on purpose: if a
// Next upgrade changes them, the build stops here instead of shipping pages that never hydrate.
const CHUNK_SCRIPT = /<script src="(\/_next\/static\/chunks\/[^"]+\.js)" async=""><\/script>/g;
const CHUNK_PRELOAD =
  /<link rel="preload" as="script"(?: fetchPriority="low")? href="\/_next\/static\/chunks\/[^"]+\.js"\/>/g;
const MARK = "data-after-first-paint";

/**
 * The loader, at the end of the body: it appends the chunks when the document has been parsed
 * (DOMContentLoaded), by which time the first frame is usually out, and before the load event,
 * which therefore still waits for them (tools and people who wait for "loaded" get a hydrated
 * page, as before). One chunk per task: appending a script element starts its request there and
 * then, a few milliseconds each on a slow phone, and the eight of them in one handler made a
 * task long enough to hold up a tap (22–35 ms unthrottled in Lighthouse's trace, session 13).
 */
function loader(srcs: string[]): string {
  return (
    `<script ${MARK}="">(function(){var s=${JSON.stringify(srcs)},i=0;function go(){` +
    `var e=document.createElement("script");e.src=s[i++];e.async=true;document.head.appendChild(e);if(i<s.length)setTimeout(go,0)}` +
    `if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",go);else go()})()</script>`
  );
}

/** The page with its chunk scripts moved into the loader. Throws when the page has none. */
export function loadScriptsAfterFirstPaint(html: string): string {
  if (html.includes(MARK)) return html;
  const srcs = [...html.matchAll(CHUNK_SCRIPT)].map((m) => m[1]!);
  if (srcs.length === 0) throw new Error("no <script src=/_next/static/chunks/… async> found");
  if (!html.includes("</body>")) throw new Error("no </body> found");
  const rest = html.replace(CHUNK_SCRIPT, "").replace(CHUNK_PRELOAD, "");
  const at = rest.lastIndexOf("</body>");
  return rest.slice(0, at) + loader(srcs) + rest.slice(at);
}

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

/** The chunks a page rewritten by loadScriptsAfterFirstPaint loads at start, in order. */
export function startupChunks(html: string): string[] {
  const list = html.match(new RegExp(`<script ${MARK}="">\\(function\\(\\)\\{var s=(\\[[^\\]]*\\])`))?.[1];
  if (!list) throw new Error("no after-first-paint loader found");
  return JSON.parse(list) as string[];
}

/** Rewrites every prerendered page of a build; returns how many, and the chunks they load at start. */
export function rewritePrerenderedPages(appDir = ".next/server/app"): { pages: number; chunks: Set<string> } {
  const files = htmlFiles(appDir);
  const chunks = new Set<string>();
  for (const file of files) {
    try {
      const html = loadScriptsAfterFirstPaint(readFileSync(file, "utf8"));
      writeFileSync(file, html);
      for (const c of startupChunks(html)) chunks.add(c);
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
    }
  }
  return { pages: files.length, chunks };
}
