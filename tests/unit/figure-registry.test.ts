import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkFigures,
  checkFiguresInSources,
  isStructuralNumber,
  loadFigureRegistry,
  numbersIn,
} from "@/lib/content/figures";
import { loadContent } from "@/lib/content/load";
import { loadQuizzes } from "@/lib/quiz/load";

// The source documents sit beside the repository (../shared/seeds) on CI and developer machines;
// they are not copied into the repository (the course is written from them, not made of them).
const SEEDS =
  [process.env.SEEDS_DIR, path.resolve("../shared/seeds"), path.resolve("../../shared/seeds")].find((d): d is string =>
    Boolean(d && existsSync(d)),
  ) ?? path.resolve("../shared/seeds");

describe("figure registry", () => {
  const content = loadContent();
  const registry = loadFigureRegistry();

  it("every number stated in the course and its quizzes is registered under a source", () => {
    expect(checkFigures(content, registry, loadQuizzes(content))).toEqual([]);
  });

  it.skipIf(!process.env.CI && !existsSync(SEEDS))(
    `every registered figure appears, exactly as written, in its source document${existsSync(SEEDS) ? "" : ` (skipped: ${SEEDS} not found)`}`,
    () => {
      expect(checkFiguresInSources(content, registry, SEEDS)).toEqual([]);
    },
  );
});

describe("checkFigures", () => {
  it("catches a typo'd or invented figure and a key figure credited to the wrong source", () => {
    const content = loadContent(path.resolve("tests/fixtures/content-valid"));
    const registry = { sources: { "s001-demo": ["7000万"] }, illustrative: [] };
    expect(checkFigures(content, registry)).toEqual([]);
    const lesson = content.modules[0]!.lessons[0]!;
    lesson.html += "<p>交易额增长9.9%</p>";
    lesson.keyFigures[0]!.value = "7,001万";
    expect(checkFigures(content, registry)).toEqual([
      'content-valid/modules/01-basics/01-first.md: body: "9.9" is not in the figure registry (content/figures.yaml)',
      'content-valid/modules/01-basics/01-first.md: keyFigures.0: "7,001" is not in the figure registry (content/figures.yaml)',
      'content-valid/modules/01-basics/01-first.md: keyFigures.0.value: "7,001" is not registered under its source s001-demo',
    ]);
  });

  it("treats years, months, small counts and stage names as structure, not figures", () => {
    const structural = (t: string) => numbersIn(t).every(isStructuralNumber);
    expect(structural("2021年底,第3节,业务2.0阶段,12月")).toBe(true);
    expect(structural("增长12%")).toBe(false);
    expect(structural("3万张")).toBe(false);
    expect(structural("2022")).toBe(true);
  });
});
