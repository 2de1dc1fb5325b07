import { describe, expect, it } from "vitest";
import {
  computeResults,
  MIN_ANONYMOUS_RESPONSES,
  netPromoterScore,
  resultsVisible,
  scaleResult,
  sectionAverage,
} from "@/lib/surveys/results";
import { surveySchema } from "@/lib/surveys/schema";
import { responseToken } from "@/lib/surveys/token";

describe("NPS", () => {
  it("is promoters' share minus detractors' share, in points, with the counts", () => {
    // 9,10,10 promoters; 7,8 passives; 0,5,6 detractors; 8 answers.
    expect(netPromoterScore([9, 10, 10, 7, 8, 0, 5, 6])).toEqual({
      n: 8,
      promoters: 3,
      passives: 2,
      detractors: 3,
      score: 0,
    });
    // 3 promoters, 2 detractors of 6: (3 - 2) / 6
    expect(netPromoterScore([10, 9, 9, 8, 6, 3]).score).toBe(16.7);
    expect(netPromoterScore([10, 10]).score).toBe(100);
    expect(netPromoterScore([6, 0]).score).toBe(-100);
  });

  it("treats 7 and 8 as passives and 6 as a detractor (the boundaries)", () => {
    expect(netPromoterScore([6, 7, 8, 9])).toMatchObject({ promoters: 1, passives: 2, detractors: 1, score: 0 });
  });

  it("has no score without answers", () => {
    expect(netPromoterScore([]).score).toBeNull();
  });
});

describe("anonymity threshold", () => {
  it(`hides an anonymous run's results until ${MIN_ANONYMOUS_RESPONSES} responses`, () => {
    expect(MIN_ANONYMOUS_RESPONSES).toBe(5);
    expect(resultsVisible(true, 4)).toBe(false);
    expect(resultsVisible(true, 5)).toBe(true);
  });

  it("shows a named run's results from the first response", () => {
    expect(resultsVisible(false, 0)).toBe(false);
    expect(resultsVisible(false, 1)).toBe(true);
  });
});

describe("Likert averages and distributions", () => {
  it("averages to two decimals and counts each value", () => {
    const r = scaleResult([5, 4, 4, 3, 5, 2], 5);
    expect(r.average).toBe(3.83);
    expect(r.counts).toEqual([0, 0, 1, 1, 2, 2]);
    expect(r.n).toBe(6);
  });

  const survey = surveySchema.parse({
    id: "t",
    kind: "post",
    title: "测试",
    intro: "说明。",
    sections: [
      {
        title: "课程内容",
        items: [
          { id: "a", type: "likert", prompt: "甲。" },
          { id: "b", type: "likert", prompt: "乙。" },
        ],
      },
      {
        title: "收获",
        items: [
          { id: "nps", type: "nps", prompt: "推荐？" },
          { id: "say", type: "text", prompt: "建议？", required: false },
        ],
      },
    ],
  });

  it("computes per item, per section (weighted by answers) and NPS; skips unanswered items", () => {
    const results = computeResults(survey, [
      { answers: { a: 5, b: 4, nps: 10, say: "很好" }, by: null },
      { answers: { a: 3, nps: 6 }, by: null },
      { answers: { a: 4, b: 2, nps: 9 }, by: null },
    ]);
    const [content, gain] = results.sections;
    expect(content!.items[0]).toMatchObject({ type: "likert", scale: { n: 3, average: 4 } });
    expect(content!.items[1]).toMatchObject({ type: "likert", scale: { n: 2, average: 3 } });
    // (5+3+4+4+2) / 5 answers
    expect(sectionAverage(content!.items)).toBe(3.6);
    expect(results.nps).toMatchObject({ n: 3, promoters: 2, detractors: 1, score: 33.3 });
    expect(gain!.items[1]).toEqual({
      id: "say",
      type: "text",
      prompt: "建议？",
      verbatims: [{ text: "很好", by: null }],
    });
  });
});

describe("response token", () => {
  it("is the same for the same run and learner, different across runs and learners, and needs the secret", () => {
    const t = responseToken("s".repeat(32), "run1", "user1");
    expect(responseToken("s".repeat(32), "run1", "user1")).toBe(t);
    expect(responseToken("s".repeat(32), "run2", "user1")).not.toBe(t);
    expect(responseToken("s".repeat(32), "run1", "user2")).not.toBe(t);
    expect(responseToken("x".repeat(32), "run1", "user1")).not.toBe(t);
    expect(t).not.toContain("user1");
    expect(() => responseToken("", "run1", "user1")).toThrow();
  });
});
