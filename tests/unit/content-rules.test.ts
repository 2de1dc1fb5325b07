import { describe, expect, it } from "vitest";
import type { FigureRegistry } from "@/lib/content/figures";
import {
  asciiMarksBesideChinese,
  checkDuration,
  checkFigureRepeats,
  checkPunctuation,
  statedOnlineMinutes,
} from "@/lib/content/rules";
import { courseReadingMinutes, moduleReadingMinutes } from "@/lib/content/reading-time";
import { readingMinutes } from "@/lib/content/markdown";

describe("checkPunctuation", () => {
  it("finds ASCII marks beside Chinese and leaves them alone between Latin or digits", () => {
    expect(asciiMarksBesideChinese("好,再试")).toEqual([1]);
    expect(asciiMarksBesideChinese("活卡率(口径)")).toEqual([3, 6]);
    expect(asciiMarksBesideChinese("9,262.14万张 at 10:30 (ok)")).toEqual([]);
  });

  it("names the file and line in Markdown, and ignores link targets and inline code", () => {
    const md = [
      "---",
      "title: 标题",
      "---",
      "第一行，全角。",
      "打开[计算器](/exercises/activity-rates)。代码 `a(b)` 也不算。",
      "这里用了半角:错了",
    ].join("\n");
    const problems = checkPunctuation([{ file: "content/x.md", text: md }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "punctuation", file: "content/x.md", at: "line 6" });
    expect(problems[0]!.message).toContain('ASCII ":"');
  });

  it("checks front matter and YAML values but not YAML's own commas and colons", () => {
    const md = "---\ntitle: 标题(一)\naudience: [骨干, 管理者]\n---\n正文。\n";
    expect(checkPunctuation([{ file: "content/y.md", text: md }]).map((p) => p.at)).toEqual(["line 2"]);
    const yaml =
      'tags: [发展阶段, 案例]\nprompt: 判断:对吗\nchoices:\n  - text: "甲,乙"\nexplanation: |\n  第一行。\n  第二行?\n';
    expect(checkPunctuation([{ file: "content/q.yaml", text: yaml }]).map((p) => p.at)).toEqual([
      "line 2",
      "line 4",
      "line 7",
    ]);
  });
});

describe("checkFigureRepeats", () => {
  const registry: FigureRegistry = {
    sources: { "s000-bank": ["7000万", "2020年1月"], "s004-course": ["不足10%"] },
    illustrative: [],
  };
  const cases = [{ slug: "bank-case", source: "s000-bank" }];

  it("allows a figure in two places, counting a place once however often it repeats it", () => {
    const places = [
      { file: "a.md", text: "流通卡量7,000万，再说一次7000万。" },
      { file: "q.yaml", at: "questions.x", text: "7000万" },
    ];
    expect(checkFigureRepeats(registry, places, cases)).toEqual([]);
  });

  it("fails a third place and names its case and every place", () => {
    const places = ["a.md", "b.md", "c.md"].map((file) => ({ file, text: "约7000万张" }));
    const [problem, ...rest] = checkFigureRepeats(registry, places, cases);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: "figure-repeats", at: "sources.s000-bank" });
    expect(problem!.message).toContain("its case (bank-case)");
    expect(problem!.message).toContain("a.md, b.md, c.md");
  });

  it("ignores date-only figures and does not match inside a longer number", () => {
    const places = ["a.md", "b.md", "c.md"].map((file) => ({ file, text: "2020年1月，17000万，不足10%" }));
    const problems = checkFigureRepeats(registry, places, cases);
    expect(problems.map((p) => p.message.split('"')[1])).toEqual(["不足10%"]);
  });
});

describe("reading time and the stated duration", () => {
  it("reads ~400 characters a minute, rounded up, at least one minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(400)).toBe(1);
    expect(readingMinutes(401)).toBe(2);
  });

  it("adds lessons up per module and per course", () => {
    const modules = [{ lessons: [{ minutes: 3 }, { minutes: 4 }] }, { lessons: [{ minutes: 5 }] }];
    expect(moduleReadingMinutes(modules[0]!)).toBe(7);
    expect(courseReadingMinutes(modules)).toBe(12);
  });

  it("reads an online figure in minutes or hours, and none from 学时", () => {
    expect(statedOnlineMinutes("在线阅读约 120 分钟，课堂约 6 学时")).toBe(120);
    expect(statedOnlineMinutes("在线约 2 小时")).toBe(120);
    expect(statedOnlineMinutes("约 6 学时（建议分 3 次完成）")).toBeNull();
  });

  it("fails a stated figure more than 10% from the computed total", () => {
    expect(checkDuration("content/course.md", "约 6 学时", 50)).toEqual([]);
    expect(checkDuration("content/course.md", "在线约 110 分钟", 100)).toEqual([]);
    expect(checkDuration("content/course.md", "在线约 111 分钟", 100)).toEqual([
      expect.objectContaining({ rule: "duration", file: "content/course.md", at: "duration" }),
    ]);
  });
});
