import { describe, expect, it } from "vitest";
import { loadScriptsAfterFirstPaint, startupChunks } from "../../scripts/lib/scripts-after-first-paint";

// The shape Next 16 writes into a prerendered page (trimmed).
const PAGE =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script>' +
  '<script src="/_next/static/chunks/turbopack-two.js" async=""></script>' +
  '<title>课程</title><script src="/_next/static/chunks/poly.js" noModule=""></script></head>' +
  '<body><main><h1>第一课</h1></main><script id="_R_">(self.TURBOPACK=self.TURBOPACK||[]).push({})</script>' +
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>";

describe("loadScriptsAfterFirstPaint", () => {
  const out = loadScriptsAfterFirstPaint(PAGE);

  it("takes every chunk script and its preload out of the head", () => {
    const head = out.slice(0, out.indexOf("</head>"));
    expect(head).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async/);
    expect(head).not.toContain('rel="preload" as="script"');
  });

  it("loads the same chunks, in the same order, from one script at the end of the body", () => {
    const loader = out.match(/<script data-after-first-paint="">([\s\S]*?)<\/script><\/body>/);
    expect(loader?.[1]).toContain('["/_next/static/chunks/one.js","/_next/static/chunks/turbopack-two.js"]');
    expect(loader?.[1]).toContain("DOMContentLoaded");
  });

  it("leaves the page, the stylesheet, the legacy polyfill and the inline payload alone", () => {
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
      '<script src="/_next/static/chunks/poly.js" noModule=""></script>',
      "<main><h1>第一课</h1></main>",
      '<script id="_R_">',
      "self.__next_f",
    ])
      expect(out).toContain(kept);
  });

  it("names the chunks its loader loads, for the compile hints", () => {
    expect(startupChunks(out)).toEqual(["/_next/static/chunks/one.js", "/_next/static/chunks/turbopack-two.js"]);
    expect(() => startupChunks(PAGE)).toThrow(/no after-first-paint loader/);
  });

  it("is idempotent", () => {
    expect(loadScriptsAfterFirstPaint(out)).toBe(out);
  });

  it("stops the build when Next's script tags no longer have the expected shape", () => {
    expect(() => loadScriptsAfterFirstPaint(PAGE.replaceAll(' async=""', ""))).toThrow(/no <script/);
  });
});

describe("the loader it writes", () => {
  // Runs the loader's own code against a stand-in document and timer queue, so what is checked
  // is what browsers execute, not the text of the script.
  function run(readyState: "loading" | "interactive") {
    const loader = loadScriptsAfterFirstPaint(PAGE).match(
      /<script data-after-first-paint="">([\s\S]*?)<\/script><\/body>/,
    )![1]!;
    const appended: { src: string; async: boolean }[] = [];
    const timers: (() => void)[] = [];
    const listeners: Record<string, () => void> = {};
    const document = {
      readyState,
      createElement: () => ({ src: "", async: false }),
      head: { appendChild: (e: { src: string; async: boolean }) => appended.push(e) },
      addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
    };
    new Function("document", "setTimeout", loader)(document, (fn: () => void) => timers.push(fn));
    return { appended, timers, listeners };
  }

  it("waits for the document to be parsed, then appends one chunk per task, in order, all async", () => {
    const { appended, timers, listeners } = run("loading");
    expect(appended).toHaveLength(0);
    listeners.DOMContentLoaded!();
    expect(appended.map((e) => e.src)).toEqual(["/_next/static/chunks/one.js"]);
    timers.shift()!();
    expect(appended.map((e) => e.src)).toEqual([
      "/_next/static/chunks/one.js",
      "/_next/static/chunks/turbopack-two.js",
    ]);
    expect(timers).toHaveLength(0);
    expect(appended.every((e) => e.async)).toBe(true);
  });

  it("starts at once when the document was already parsed", () => {
    const { appended, listeners } = run("interactive");
    expect(listeners.DOMContentLoaded).toBeUndefined();
    expect(appended).toHaveLength(1);
  });
});
