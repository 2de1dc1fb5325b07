import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadContent } from "@/lib/content/load";
import { checkKitCoverage, loadTrainerKit } from "@/lib/content/trainer-kit";

const fixture = path.resolve("tests/fixtures/content-valid");
let tmp: string | undefined;

function copyFixture() {
  tmp = mkdtempSync(path.join(os.tmpdir(), "kit-"));
  const root = path.join(tmp, "content");
  cpSync(fixture, root, { recursive: true });
  return root;
}

function kitProblems(root: string): string[] {
  try {
    loadTrainerKit(loadContent(root), root);
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  throw new Error("expected loadTrainerKit to fail");
}

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe("loadTrainerKit", () => {
  it("reads the index, documents, role-plays and notes, rendering their Markdown", () => {
    const kit = loadTrainerKit(loadContent(fixture), fixture);
    expect(kit.index.title).toBe("工具包");
    expect(kit.documents.map((d) => d.slug)).toEqual(["agenda-1-day", "agenda-2-day", "worksheets"]);
    expect(kit.rolePlays[0]).toMatchObject({ slug: "merchant-visit", summary: "两人一组。" });
    expect(kit.moduleNotes[0]).toMatchObject({ module: "basics", file: "content-valid/trainer-kit/modules/basics.md" });
    expect(kit.caseNotes[0]!.html).toContain('<h2 id="板书计划">');
  });

  it("names the file and field of a note that points at no module or case", () => {
    const root = copyFixture();
    writeFileSync(path.join(root, "trainer-kit/modules/ghost.md"), "---\ntitle: 无\nmodule: ghost\n---\n");
    writeFileSync(path.join(root, "trainer-kit/cases/demo-case.md"), "---\ntitle: 笔记\ncase: other-case\n---\n");
    expect(kitProblems(root)).toEqual([
      'content/trainer-kit/modules/ghost.md: module: no module with slug "ghost"',
      'content/trainer-kit/cases/demo-case.md: case: no case named "other-case" in content/cases',
    ]);
  });

  it("names a missing document, a missing field and a field it does not know", () => {
    const root = copyFixture();
    rmSync(path.join(root, "trainer-kit/agenda-2-day.md"));
    writeFileSync(path.join(root, "trainer-kit/role-plays/merchant-visit.md"), "---\ntitle: 拜访\n---\n");
    writeFileSync(path.join(root, "trainer-kit/modules/basics.md"), "---\ntitle: 要点\nmodule: basics\ntime: 1\n---\n");
    expect(kitProblems(root)).toEqual([
      "content/trainer-kit/agenda-2-day.md: file is missing",
      "content/trainer-kit/role-plays/merchant-visit.md: summary: is required",
      expect.stringMatching(/^content\/trainer-kit\/modules\/basics\.md: \(front matter\): .*time/),
    ]);
  });

  it("reports modules without facilitator notes and cases without teaching notes", () => {
    const content = loadContent(fixture);
    const kit = loadTrainerKit(content, fixture);
    expect(checkKitCoverage(kit, content)).toEqual([
      expect.objectContaining({ rule: "kit-coverage", file: "content/trainer-kit/modules/next.md" }),
    ]);
  });
});
