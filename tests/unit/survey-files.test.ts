import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSurveys, SurveyFileError } from "@/lib/surveys/load";
import { answersSchema, surveyItems } from "@/lib/surveys/schema";

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function contentWith(files: Record<string, string>) {
  tmp = mkdtempSync(path.join(os.tmpdir(), "surveys-"));
  const root = path.join(tmp, "content");
  mkdirSync(path.join(root, "surveys"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, "surveys", name), text);
  return root;
}

function problemsOf(root: string): string[] {
  try {
    loadSurveys(root);
  } catch (err) {
    if (err instanceof SurveyFileError) return err.problems;
    throw err;
  }
  throw new Error("expected loadSurveys to fail");
}

const GOOD = `id: demo
kind: post
title: 满意度
intro: 说明。
sections:
  - title: 课程内容
    items:
      - { id: relevance, type: likert, prompt: 内容相关。 }
      - { id: nps, type: nps, prompt: 推荐吗？ }
`;

describe("survey files", () => {
  it("loads the course's templates: 训后满意度 with its four sections and 训前需求调研", () => {
    const surveys = loadSurveys();
    const post = surveys.find((s) => s.id === "post-training")!;
    expect(post.sections.map((s) => s.title)).toEqual(["课程内容", "讲师", "组织安排", "收获与应用"]);
    const types = new Set(surveyItems(post).map((i) => i.type));
    expect([...types].sort()).toEqual(["likert", "nps", "text"]);
    expect(surveys.find((s) => s.id === "pre-training")?.kind).toBe("pre");
  });

  it("names the file and the field of each problem", () => {
    const root = contentWith({
      "demo.yaml": GOOD.replace("type: likert", "type: stars"),
      "other.yaml": GOOD.replace("id: demo", "id: wrong"),
      "dupe.yaml": GOOD.replace("id: dupe", "").replace("id: demo", "id: dupe").replace("id: nps", "id: relevance"),
      "broken.yaml": "id: [",
    });
    const problems = problemsOf(root);
    expect(problems).toContainEqual(
      expect.stringMatching(/^content\/surveys\/demo\.yaml: sections\.0\.items\.0\.type: /),
    );
    expect(problems).toContain('content/surveys/other.yaml: id: is "wrong" but must be "other"');
    expect(problems).toContain('content/surveys/dupe.yaml: sections.0.items.1.id: duplicate item id "relevance"');
    expect(problems).toContainEqual(expect.stringMatching(/^content\/surveys\/broken\.yaml: not valid YAML/));
  });

  it("refuses a second NPS item and a choice item without options", () => {
    const root = contentWith({
      "demo.yaml": `${GOOD}      - { id: nps2, type: nps, prompt: 再推荐？ }\n      - { id: pick, type: choice, prompt: 选？, options: [一] }\n`,
    });
    const problems = problemsOf(root);
    expect(problems).toContain("content/surveys/demo.yaml: sections.0.items.2: only one nps item per survey");
    expect(problems).toContain("content/surveys/demo.yaml: sections.0.items.3.options: needs two or more options");
  });
});

describe("answers to a template", () => {
  const post = loadSurveys().find((s) => s.id === "post-training")!;
  const schema = answersSchema(post);
  const full = Object.fromEntries(
    surveyItems(post).map((i) => [i.id, i.type === "nps" ? "9" : i.type === "likert" ? "4" : ""]),
  );

  it("accepts a full form and leaves empty optional text out", () => {
    const parsed = schema.parse(full);
    expect(parsed["content-relevance"]).toBe(4);
    expect(parsed.nps).toBe(9);
    expect(parsed["suggestions"]).toBeUndefined();
  });

  it("gives a Chinese message on each missing or out-of-range item", () => {
    const r = schema.safeParse({ ...full, "content-relevance": "", "trainer-clarity": "6", nps: "11" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toMatchObject({
      "content-relevance": "请选择一项",
      "trainer-clarity": "请选择一项",
      nps: "请选择一项",
    });
  });
});
