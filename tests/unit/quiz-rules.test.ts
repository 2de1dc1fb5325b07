import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/schema";
import {
  checkChoiceCounts,
  checkExplanationsAndTags,
  checkFinalPool,
  checkKeyLength,
  checkModuleQuizSize,
  checkMultipleHasWrong,
  checkQuizRules,
  keyIsLongest,
  moduleOfQuestion,
} from "@/lib/quiz/rules";

const base = { explanation: "因为……", lesson: "alpha/one", tags: ["alpha"] };

/** A single-choice question whose options have the given lengths; `key` is the correct index. */
function single(id: string, lengths: number[], key = 0, extra: Partial<Question> = {}): Question {
  return {
    ...base,
    id,
    type: "single",
    prompt: "问题",
    choices: lengths.map((n, i) => ({ id: "abcdef"[i]!, text: "字".repeat(n), correct: i === key })),
    ...extra,
  } as Question;
}

function quiz(questions: Question[], moduleSlug: string | null = "alpha") {
  return { id: moduleSlug ?? "final", file: `content/${moduleSlug ?? "final"}.yaml`, moduleSlug, questions };
}

describe("checkChoiceCounts", () => {
  it("accepts four choices and names a single-choice question with three", () => {
    expect(checkChoiceCounts(quiz([single("four", [2, 2, 2, 2])]))).toEqual([]);
    expect(checkChoiceCounts(quiz([single("three", [2, 2, 2])]))).toEqual([
      expect.objectContaining({ rule: "single-choices", file: "content/alpha.yaml", at: "questions.three" }),
    ]);
  });
});

describe("checkMultipleHasWrong", () => {
  it("flags a multiple-choice question whose every option is correct", () => {
    const allRight = {
      ...base,
      id: "all",
      type: "multiple",
      prompt: "多选",
      choices: [
        { id: "a", text: "一", correct: true },
        { id: "b", text: "二", correct: true },
        { id: "c", text: "三", correct: true },
      ],
    } as Extract<Question, { type: "multiple" }>;
    const oneWrong = {
      ...allRight,
      id: "ok",
      choices: [...allRight.choices.slice(0, 2), { id: "c", text: "三", correct: false }],
    } as Question;
    expect(checkMultipleHasWrong(quiz([allRight, oneWrong])).map((p) => p.at)).toEqual(["questions.all"]);
  });
});

describe("checkKeyLength", () => {
  it("counts a key strictly longer than every wrong option, not a tie", () => {
    expect(keyIsLongest(single("long", [9, 3, 3, 3]))).toBe(true);
    expect(keyIsLongest(single("tie", [5, 5, 3, 3]))).toBe(false);
    expect(keyIsLongest(single("short", [2, 5, 3, 3]))).toBe(false);
  });

  it("allows the key to be longest in a third of the questions and fails above that", () => {
    const third = [single("l1", [9, 2, 2, 2]), single("s1", [2, 9, 2, 2], 0), single("s2", [2, 2, 9, 2], 0)];
    expect(checkKeyLength(quiz(third))).toEqual([]);
    const half = [...third, single("l2", [9, 2, 2, 2])];
    const [problem] = checkKeyLength(quiz(half));
    expect(problem).toMatchObject({ rule: "key-longest", file: "content/alpha.yaml" });
    expect(problem!.message).toContain("l1, l2");
  });
});

describe("checkExplanationsAndTags", () => {
  it("names the question that has no explanation or no tag", () => {
    const bare = single("bare", [2, 2, 2, 2], 0, { explanation: " ", tags: [] });
    expect(checkExplanationsAndTags(quiz([bare, single("fine", [2, 2, 2, 2])]))).toEqual([
      expect.objectContaining({ rule: "explanation", at: "questions.bare" }),
      expect.objectContaining({ rule: "tags", at: "questions.bare" }),
    ]);
  });
});

describe("checkModuleQuizSize", () => {
  const n = (k: number) => Array.from({ length: k }, (_, i) => single(`q${i}`, [2, 2, 2, 2]));
  it("wants 6-8 questions in a module quiz and leaves the final alone", () => {
    expect(checkModuleQuizSize(quiz(n(6)))).toEqual([]);
    expect(checkModuleQuizSize(quiz(n(8)))).toEqual([]);
    expect(checkModuleQuizSize(quiz(n(5)))[0]).toMatchObject({ rule: "module-quiz-size" });
    expect(checkModuleQuizSize(quiz(n(9)))[0]).toMatchObject({ rule: "module-quiz-size" });
    expect(checkModuleQuizSize(quiz(n(3), null))).toEqual([]);
  });
});

describe("checkFinalPool", () => {
  const course = { moduleSlugs: ["alpha", "beta"], caseSlugs: ["bank-a", "bank-b"] };
  const pool = (k: number, tags: (i: number) => string[], lesson = "alpha/one") =>
    Array.from({ length: k }, (_, i) => single(`f${i}`, [2, 2, 2, 2], 0, { tags: tags(i), lesson }));

  it("takes the module from the first tag, else from the lesson", () => {
    const modules = new Set(course.moduleSlugs);
    expect(moduleOfQuestion(single("a", [2], 0, { tags: ["beta", "x"] }), modules)).toBe("beta");
    expect(moduleOfQuestion(single("b", [2], 0, { tags: ["话题"], lesson: "beta/two" }), modules)).toBe("beta");
  });

  it("passes a pool of 60 covering every module and case", () => {
    const questions = pool(60, (i) => [i % 2 ? "alpha" : "beta", ...(i < 2 ? [`case:bank-${i ? "a" : "b"}`] : [])]);
    expect(checkFinalPool([quiz(questions, null)], course)).toEqual([]);
  });

  it("names a small pool, an uncovered module and case, and an unknown case tag", () => {
    const questions = pool(10, (i) => ["alpha", ...(i === 0 ? ["case:bank-a", "case:nope"] : [])]);
    const messages = checkFinalPool([quiz(questions, null)], course).map((p) => `${p.at ?? ""} ${p.message}`);
    expect(messages).toEqual([
      " has 10 questions; the pool needs at least 60",
      'questions.f0 tag "case:nope" names no case in content/cases',
      " no question for module beta",
      " no question tagged case:bank-b",
    ]);
  });

  it("reports a missing final", () => {
    expect(checkFinalPool([], course)[0]).toMatchObject({ rule: "final-pool", message: "is missing" });
  });
});

describe("checkQuizRules", () => {
  it("runs every rule over every quiz", () => {
    const rules = checkQuizRules([quiz([single("three", [9, 2, 2])])], { moduleSlugs: ["alpha"], caseSlugs: [] }).map(
      (p) => p.rule,
    );
    expect(rules).toEqual(["single-choices", "key-longest", "module-quiz-size", "final-pool"]);
  });
});
