import { describe, expect, it } from "vitest";
import { questionSchema, quizSchema, type Question } from "@/lib/quiz/schema";
import { isCorrect, scoreAttempt } from "@/lib/quiz/score";

const q = (raw: Record<string, unknown>): Question =>
  questionSchema.parse({
    id: "q",
    prompt: "题目",
    explanation: "解析",
    lesson: "evolution/four-stages",
    tags: ["指标"],
    ...raw,
  });

const single = q({
  type: "single",
  choices: [
    { id: "a", text: "甲" },
    { id: "b", text: "乙", correct: true },
  ],
});
const multiple = q({
  type: "multiple",
  choices: [
    { id: "a", text: "甲", correct: true },
    { id: "b", text: "乙", correct: true },
    { id: "c", text: "丙" },
  ],
});
const truefalse = q({ type: "truefalse", answer: false });
const ordering = q({ type: "ordering", items: ["产品认同", "批量获客", "客户经营", "生态圈打造"] });
const numeric = q({ type: "numeric", answer: 9, tolerance: 0.1, unit: "%" });

describe("isCorrect", () => {
  it("single choice: only the right choice", () => {
    expect(isCorrect(single, { type: "single", choice: "b" })).toBe(true);
    expect(isCorrect(single, { type: "single", choice: "a" })).toBe(false);
    expect(isCorrect(single, { type: "single", choice: "z" })).toBe(false);
  });

  it("multiple choice is all-or-nothing", () => {
    expect(isCorrect(multiple, { type: "multiple", choices: ["b", "a"] })).toBe(true);
    expect(isCorrect(multiple, { type: "multiple", choices: ["a"] })).toBe(false); // partial
    expect(isCorrect(multiple, { type: "multiple", choices: ["a", "b", "c"] })).toBe(false); // one wrong too many
    expect(isCorrect(multiple, { type: "multiple", choices: ["a", "a", "b"] })).toBe(false); // duplicates
    expect(isCorrect(multiple, { type: "multiple", choices: [] })).toBe(false); // empty
  });

  it("true/false", () => {
    expect(isCorrect(truefalse, { type: "truefalse", value: false })).toBe(true);
    expect(isCorrect(truefalse, { type: "truefalse", value: true })).toBe(false);
  });

  it("ordering must be exactly the stored order", () => {
    expect(isCorrect(ordering, { type: "ordering", order: [0, 1, 2, 3] })).toBe(true);
    expect(isCorrect(ordering, { type: "ordering", order: [1, 0, 2, 3] })).toBe(false);
    expect(isCorrect(ordering, { type: "ordering", order: [0, 1, 2] })).toBe(false);
  });

  it("numeric within the tolerance, inclusive", () => {
    expect(isCorrect(numeric, { type: "numeric", value: 9 })).toBe(true);
    expect(isCorrect(numeric, { type: "numeric", value: 9.1 })).toBe(true);
    expect(isCorrect(numeric, { type: "numeric", value: 8.85 })).toBe(false);
    expect(isCorrect(numeric, { type: "numeric", value: Number.NaN })).toBe(false);
  });

  it("an empty answer or an answer of the wrong type scores nothing", () => {
    expect(isCorrect(single, undefined)).toBe(false);
    expect(isCorrect(single, { type: "truefalse", value: true })).toBe(false);
  });
});

describe("scoreAttempt", () => {
  it("counts correct answers, rounds the percentage and applies the pass mark", () => {
    const questions = [single, { ...truefalse, id: "t" }, { ...numeric, id: "n" }];
    const s = scoreAttempt(
      questions,
      { q: { type: "single", choice: "b" }, t: { type: "truefalse", value: false } },
      60,
    );
    expect(s).toEqual({
      correct: 2,
      total: 3,
      percent: 66.7,
      passed: true,
      perQuestion: { q: true, t: true, n: false },
    });
    expect(scoreAttempt(questions, {}, 60)).toMatchObject({ correct: 0, percent: 0, passed: false });
  });
});

describe("quiz file schema", () => {
  it("refuses a single-choice question without exactly one right answer and duplicate ids", () => {
    expect(() =>
      q({
        type: "single",
        choices: [
          { id: "a", text: "甲" },
          { id: "b", text: "乙" },
        ],
      }),
    ).toThrow(/exactly one correct/);
    const r = quizSchema.safeParse({ id: "x", title: "测验", questions: [{ ...single }, { ...single }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('duplicate question id "q"');
  });

  it("fills in the defaults: pass mark 80, unlimited attempts, shuffled, answers shown", () => {
    expect(quizSchema.parse({ id: "x", title: "测验", questions: [single] })).toMatchObject({
      passMark: 80,
      attemptsAllowed: null,
      shuffle: true,
      revealAnswers: "always",
    });
  });
});
