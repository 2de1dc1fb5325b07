import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  asciiMarksInChineseText,
  findAsciiPunctuation,
  fixAsciiPunctuation,
  uiSourceFiles,
} from "../support/ui-punctuation";

describe("the ASCII-punctuation detector", () => {
  it("flags ASCII marks beside a Chinese character", () => {
    expect(asciiMarksInChineseText("名称:")).toEqual([2]);
    expect(asciiMarksInChineseText("(可选)")).toEqual([0, 3]);
    expect(asciiMarksInChineseText("好,再试一次!还不对?是;否")).toEqual([1, 6, 10, 12]);
    expect(asciiMarksInChineseText("“计算”,然后")).toEqual([4]);
  });

  it("leaves ASCII text, numbers and bilingual notes alone", () => {
    expect(asciiMarksInChineseText("100,000")).toEqual([]);
    expect(asciiMarksInChineseText("10:30")).toEqual([]);
    expect(asciiMarksInChineseText("必须是数字 (must be a number)")).toEqual([]);
    expect(asciiMarksInChineseText("名称：（可选）")).toEqual([]);
  });

  it("reads string literals, template text and JSX text, never code", () => {
    const code = [
      'const label = "发卡量(张)";',
      "const note = `共 ${n} 条,最新的在前`;",
      "const el = <p>还没有账号?</p>;",
      'const code = call(a, "x"); // 注释:不算',
      'import x from "./名字";',
    ].join("\n");
    const hits = findAsciiPunctuation("sample.tsx", code);
    expect(hits.map((h) => `${h.line}:${h.column}${h.mark}`)).toEqual(["1:19(", "1:21)", "2:23,", "3:20?"]);
  });

  it("converts both brackets of a pair split by an expression, and nothing else", () => {
    const code = "const a = `(允许误差 ±${t})`;\nconst b = <span>({n} 人未答)</span>;\nconst c = f(1, 2);";
    expect(fixAsciiPunctuation("sample.tsx", code)).toBe(
      "const a = `（允许误差 ±${t}）`;\nconst b = <span>（{n} 人未答）</span>;\nconst c = f(1, 2);",
    );
  });
});

describe("interface text", () => {
  it("uses full-width punctuation between Chinese characters in app/, components/ and lib/", () => {
    const files = uiSourceFiles();
    expect(files.length).toBeGreaterThan(50); // the scan really looked at the source tree
    const problems = files.flatMap((file) =>
      findAsciiPunctuation(file, readFileSync(file, "utf8")).map(
        (h) => `${file}:${h.line}:${h.column} 「${h.mark}」应为全角 — ${h.excerpt}`,
      ),
    );
    // Fix them all at once with: node_modules/.bin/tsx scripts/fix-ui-punctuation.ts
    expect(problems, `界面文字中有半角标点：\n${problems.join("\n")}`).toEqual([]);
  }, 30_000); // parses every source file: slow on a busy 2-core machine
});
