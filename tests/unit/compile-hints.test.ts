import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPILE_HINT, hintChunks, withCompileHint } from "../../scripts/lib/compile-hints";

describe("compile hints on the start-up chunks", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
  mkdirSync(path.join(dir, "chunks"));
  const chunk = (name: string) => path.join(dir, "chunks", name);
  writeFileSync(chunk("a.js"), "(globalThis.TURBOPACK||[]).push([1]);");
  writeFileSync(chunk("lazy.js"), "lazy();");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts V8's magic comment on the first line, once", () => {
    expect(withCompileHint("x();")).toBe("//# allFunctionsCalledOnLoad\nx();");
    expect(withCompileHint(withCompileHint("x();"))).toBe(withCompileHint("x();"));
  });

  it("hints the chunks the pages name and leaves the others alone", () => {
    expect(hintChunks(["/_next/static/chunks/a.js", "/_next/static/chunks/a.js"], dir)).toBe(1);
    expect(readFileSync(chunk("a.js"), "utf8")).toBe(COMPILE_HINT + "(globalThis.TURBOPACK||[]).push([1]);");
    expect(readFileSync(chunk("lazy.js"), "utf8")).toBe("lazy();");
    hintChunks(["/_next/static/chunks/a.js"], dir);
    expect(readFileSync(chunk("a.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("stops the build when a page names a chunk the build does not have, or not a chunk at all", () => {
    expect(() => hintChunks(["/_next/static/chunks/gone.js"], dir)).toThrow(/missing from the build/);
    expect(() => hintChunks(["https://cdn.example/x.js"], dir)).toThrow(/not a chunk path/);
  });
});
