import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadContent } from "@/lib/content/load";

const fixture = path.resolve("tests/fixtures/content-valid");
let tmp: string | undefined;

/** A writable copy of the valid fixture, so each test can break one thing in it. */
function copyFixture() {
  tmp = mkdtempSync(path.join(os.tmpdir(), "content-"));
  const root = path.join(tmp, "content");
  cpSync(fixture, root, { recursive: true });
  return root;
}

function loadError(root: string): ContentError {
  try {
    loadContent(root);
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error("expected loadContent to fail");
}

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe("loadContent", () => {
  it("reads modules in order with their lessons, cases and sources", () => {
    const c = loadContent(fixture);
    expect(c.course.title).toBe("示例课程");
    expect(c.modules.map((m) => m.slug)).toEqual(["basics", "next"]);
    expect(c.modules[0]!.lessons.map((l) => l.slug)).toEqual(["first", "second"]);
    expect(c.modules[1]!.status).toBe("outline");
    expect(c.cases[0]!.date).toBe("2022-04-20");
    expect(c.cases[0]!.timeline[0]).toEqual({ date: "2020年1月", event: "发生了一件事" });
    expect(c.sources[0]!.date).toBe("2021-12-29");
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("builds a table of contents from ## and ### headings, with unique ids", () => {
    const [first, second] = loadContent(fixture).modules[0]!.lessons;
    expect(first!.toc).toEqual([
      { id: "第一部分", text: "第一部分", level: 2 },
      { id: "小节-a", text: "小节 A", level: 3 },
      { id: "要点", text: "要点", level: 2 },
      { id: "思考题", text: "思考题", level: 2 },
    ]);
    expect(second!.toc.map((e) => e.id)).toEqual(["第一部分", "第一部分-2"]);
    expect(first!.html).toContain('<h2 id="第一部分">');
  });

  it("escapes raw HTML in lesson text instead of rendering it", () => {
    const html = loadContent(fixture).modules[0]!.lessons[0]!.html;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("changes the content hash when any file changes", () => {
    const root = copyFixture();
    const before = loadContent(root).hash;
    const file = path.join(root, "modules/01-basics/02-second.md");
    writeFileSync(file, readFileSync(file, "utf8") + "\n补充一句。\n");
    expect(loadContent(root).hash).not.toBe(before);
  });

  it("names the file and the field when a required field is missing", () => {
    const root = copyFixture();
    const file = path.join(root, "modules/01-basics/01-first.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 第一课\n", ""));
    const err = loadError(root);
    expect(err.problems).toEqual(["content/modules/01-basics/01-first.md: title: is required"]);
    expect(err.message).toContain("01-first.md: title");
  });

  it("names a key figure whose value is empty", () => {
    const root = copyFixture();
    const file = path.join(root, "modules/01-basics/01-first.md");
    writeFileSync(file, readFileSync(file, "utf8").replace('value: "7,000万"', 'value: ""'));
    expect(loadError(root).problems).toEqual([
      "content/modules/01-basics/01-first.md: keyFigures.0.value: must not be empty",
    ]);
  });

  it("reports YAML that does not parse, and unknown fields", () => {
    const root = copyFixture();
    writeFileSync(path.join(root, "cases/demo-case.md"), "---\ntitle: [unclosed\n---\nbody\n");
    const mod = path.join(root, "modules/02-next/module.md");
    writeFileSync(mod, readFileSync(mod, "utf8").replace("status: outline", "status: outline\nauthor: 某人"));
    const problems = loadError(root).problems.join("\n");
    expect(problems).toMatch(/cases\/demo-case\.md: front matter is not valid YAML/);
    expect(problems).toMatch(/02-next\/module\.md: \(front matter\): .*author/);
  });

  it("rejects a file without front matter and a badly named lesson", () => {
    const root = copyFixture();
    writeFileSync(path.join(root, "modules/01-basics/03-third.md"), "## 没有 front matter\n");
    writeFileSync(path.join(root, "modules/01-basics/Third Lesson.md"), "---\ntitle: x\nsummary: y\n---\n");
    const problems = loadError(root).problems;
    expect(problems).toContain(
      "content/modules/01-basics/03-third.md: front matter missing (the file must start with a --- block)",
    );
    expect(problems).toContain("content/modules/01-basics/Third Lesson.md: lesson files must be named NN-slug.md");
  });

  it("checks links: unknown sources, cases and modules, and slug/folder mismatches", () => {
    const root = copyFixture();
    const lesson = path.join(root, "modules/01-basics/01-first.md");
    writeFileSync(lesson, readFileSync(lesson, "utf8").replace("sources: [s001-demo]", "sources: [s999-missing]"));
    const mod = path.join(root, "modules/01-basics/module.md");
    writeFileSync(
      mod,
      readFileSync(mod, "utf8")
        .replace("cases: [demo-case]", "cases: [no-such-case]")
        .replace("slug: basics", "slug: basic"),
    );
    const problems = loadError(root).problems;
    expect(problems).toContain('content/modules/01-basics/01-first.md: sources.0: unknown source "s999-missing"');
    expect(problems).toContain(
      'content/modules/01-basics/module.md: cases.0: no case named "no-such-case" in content/cases',
    );
    expect(problems).toContain('content/modules/01-basics/module.md: slug: is "basic" but the folder says "basics"');
    expect(problems).toContain('content/cases/demo-case.md: modules.0: no module with slug "basics"');
  });

  it("refuses a module marked full that has no lessons", () => {
    const root = copyFixture();
    const mod = path.join(root, "modules/02-next/module.md");
    writeFileSync(mod, readFileSync(mod, "utf8").replace("status: outline", "status: full"));
    expect(loadError(root).problems).toEqual([
      'content/modules/02-next/module.md: status: is "full" but the module has no lessons',
    ]);
  });
});

describe("glossary", () => {
  it("links the first mention of a term in a lesson and lists the pages that use it", () => {
    const c = loadContent(fixture);
    const lesson = c.modules[0]!.lessons[0]!;
    expect(lesson.terms).toEqual(["实动率"]);
    expect(lesson.html).toContain('class="glossary-term"');
    const entry = c.glossary.find((g) => g.term === "实动率")!;
    expect(entry.usedIn).toEqual([{ href: "/course/basics/first", title: "1. 第一课" }]);
    expect(c.glossary.find((g) => g.term === "流通卡量")!.usedIn).toEqual([]);
  });

  it("refuses a name listed under two terms", () => {
    const root = copyFixture();
    const file = path.join(root, "glossary.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("aliases: [北极星指标]", "aliases: [流通卡量]"));
    expect(loadError(root).problems).toEqual([
      'content/glossary.yaml: "流通卡量" is listed twice (under 流通卡量 and 实动率)',
    ]);
  });
});
