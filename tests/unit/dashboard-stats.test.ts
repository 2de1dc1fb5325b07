import { describe, expect, it } from "vitest";
import { cellStatus, flagItem, isInactive, pearsonFromSums, share, sumsOf } from "@/lib/dashboard/stats";
import fc from "fast-check";
import { itemSums, optionCounts } from "@/lib/dashboard/item-analysis";
import { parseMatrixQuery, matrixQueryString, exportHref, DEFAULT_QUERY } from "@/lib/dashboard/params";

describe("share", () => {
  it("is null, not zero, when there is nobody to count", () => {
    expect(share(0, 0)).toBeNull();
    expect(share(3, 4)).toBe(0.75);
  });
});

describe("pearsonFromSums (discrimination)", () => {
  it("matches the hand-computed point-biserial correlation", () => {
    // x = right/wrong, y = rest score. Means 0.5 and 2; cov sum = 3, var sums 1 and 10 → 3/√10.
    const pairs: [number, number][] = [
      [1, 3],
      [1, 4],
      [0, 1],
      [0, 0],
    ];
    expect(pearsonFromSums(sumsOf(pairs))).toBeCloseTo(3 / Math.sqrt(10), 12);
  });
  it("is negative when weaker learners get it right", () => {
    expect(
      pearsonFromSums(
        sumsOf([
          [0, 5],
          [0, 4],
          [1, 1],
          [1, 0],
        ]),
      )!,
    ).toBeLessThan(0);
  });
  it("is null when either side does not vary", () => {
    expect(
      pearsonFromSums(
        sumsOf([
          [1, 3],
          [1, 2],
        ]),
      ),
    ).toBeNull();
    expect(
      pearsonFromSums(
        sumsOf([
          [1, 2],
          [0, 2],
        ]),
      ),
    ).toBeNull();
    expect(pearsonFromSums(sumsOf([[1, 2]]))).toBeNull();
  });
});

describe("flagItem", () => {
  it("judges nothing below ten responses", () => {
    expect(flagItem({ responses: 9, facility: 0.1, discrimination: -0.5 })).toEqual([]);
  });
  it("flags negative discrimination and a distractor beating the key as problems", () => {
    const flags = flagItem({
      responses: 30,
      facility: 0.4,
      discrimination: -0.2,
      topDistractor: { label: "B", count: 15 },
      keyCount: 12,
    });
    expect(flags.map((f) => f.level)).toEqual(["problem", "problem"]);
  });
  it("asks for a review of too-hard, too-easy and weakly discriminating questions", () => {
    expect(flagItem({ responses: 30, facility: 0.2, discrimination: 0.4 }).map((f) => f.level)).toEqual(["review"]);
    expect(flagItem({ responses: 30, facility: 0.97, discrimination: 0.3 })).toHaveLength(1);
    expect(flagItem({ responses: 30, facility: 0.6, discrimination: 0.1 })).toHaveLength(1);
    expect(flagItem({ responses: 30, facility: 0.6, discrimination: 0.4 })).toEqual([]);
  });
});

describe("cellStatus and isInactive", () => {
  it("a module is done with all lessons and a passed quiz", () => {
    expect(cellStatus(2, 2, 1, true, true)).toBe("done");
    expect(cellStatus(2, 2, 1, false, true)).toBe("in_progress");
    expect(cellStatus(0, 2, 1, false, true)).toBe("in_progress");
    expect(cellStatus(1, 1, 0, false, false)).toBe("done");
    expect(cellStatus(0, 2, 0, false, true)).toBe("not_started");
  });
  it("inactive after more than 7 days, counting from joining when never active; never for completers", () => {
    const now = new Date("2026-06-20T00:00:00Z");
    const joined = new Date("2026-06-01T00:00:00Z");
    expect(isInactive("in_progress", new Date("2026-06-12T23:00:00Z"), joined, now)).toBe(true);
    expect(isInactive("in_progress", new Date("2026-06-13T01:00:00Z"), joined, now)).toBe(false);
    expect(isInactive("not_started", null, joined, now)).toBe(true);
    expect(isInactive("completed", null, joined, now)).toBe(false);
  });
});

describe("optionCounts (distractors)", () => {
  it("counts each ticked option of a multiple-choice question once per learner", () => {
    const q = {
      id: "m",
      type: "multiple" as const,
      prompt: "?",
      explanation: "!",
      lesson: "a/b",
      tags: ["t"],
      choices: [
        { id: "a", text: "甲", correct: true },
        { id: "b", text: "乙", correct: true },
        { id: "c", text: "丙", correct: false },
      ],
    };
    const counts = optionCounts(q, [
      { response: { type: "multiple", choices: ["a", "b"] }, correct: true, n: 3 },
      { response: { type: "multiple", choices: ["a", "c", "c"] }, correct: false, n: 2 },
      { response: { type: "multiple", choices: ["z"] }, correct: false, n: 1 },
    ]);
    expect(counts.map((c) => c.count)).toEqual([5, 3, 2]);
  });
  it("lists the most frequent wrong numeric answers", () => {
    const q = {
      id: "n",
      type: "numeric" as const,
      prompt: "?",
      explanation: "!",
      lesson: "a/b",
      tags: ["t"],
      answer: 8,
      tolerance: 0,
      unit: "%",
    };
    const counts = optionCounts(q, [
      { response: { type: "numeric", value: 8 }, correct: true, n: 9 },
      { response: { type: "numeric", value: 80 }, correct: false, n: 4 },
      { response: { type: "numeric", value: 0.08 }, correct: false, n: 2 },
    ]);
    expect(counts).toEqual([
      { label: "80%", count: 4, correct: false },
      { label: "0.08%", count: 2, correct: false },
    ]);
  });
});

describe("parseMatrixQuery", () => {
  it("keeps good values, reports and drops bad ones", () => {
    const { query, problems } = parseMatrixQuery({
      q: " 张 ",
      status: "bogus",
      page: "-3",
      sort: "progress",
      dir: "desc",
    });
    expect(query).toEqual({ ...DEFAULT_QUERY, q: "张", sort: "progress", dir: "desc" });
    expect(problems).toEqual(["状态筛选无效", "页码从 1 开始"]);
    expect(parseMatrixQuery({ page: "abc" }).problems).toEqual(["页码无效"]);
    expect(parseMatrixQuery({ page: ["2", "3"] }).query.page).toBe(2);
  });
  it("writes only non-default values into links", () => {
    expect(matrixQueryString(DEFAULT_QUERY)).toBe("");
    expect(matrixQueryString(DEFAULT_QUERY, { page: 2, status: "inactive" })).toBe("?status=inactive&page=2");
    // The export carries the filters but not the page, then what to export.
    expect(exportHref("c1", { ...DEFAULT_QUERY, q: "张", page: 3 }, "attempts", "csv")).toBe(
      "/trainer/cohorts/c1/export?q=%E5%BC%A0&data=attempts&format=csv",
    );
  });
});

describe("itemSums (discrimination sums rebuilt from the two SQL aggregates)", () => {
  it("equals the sums taken pair by pair, blanks included", () => {
    // Each learner: total score and this question's outcome (right, wrong, or left blank).
    const learner = fc.record({
      score: fc.integer({ min: 0, max: 20 }),
      outcome: fc.constantFrom("right", "wrong", "blank"),
    });
    fc.assert(
      fc.property(fc.array(learner, { minLength: 1, maxLength: 40 }), (learners) => {
        const rows = learners.map((l) => ({ ...l, score: l.outcome === "right" ? Math.max(1, l.score) : l.score }));
        const direct = sumsOf(
          rows.map((l) => [l.outcome === "right" ? 1 : 0, l.score - (l.outcome === "right" ? 1 : 0)]),
        );
        const pair = {
          qid: "q",
          n: rows.length,
          s: rows.reduce((t, l) => t + l.score, 0),
          ss: rows.reduce((t, l) => t + l.score ** 2, 0),
        };
        const responses = (["right", "wrong"] as const).map((o) => {
          const some = rows.filter((l) => l.outcome === o);
          return { correct: o === "right", n: some.length, s: some.reduce((t, l) => t + l.score, 0) };
        });
        const rebuilt = itemSums(pair, responses);
        expect(rebuilt).toMatchObject(direct);
        expect(rebuilt.answered).toBe(rows.filter((l) => l.outcome !== "blank").length);
      }),
      { numRuns: 500 },
    );
  });
});
