import { describe, expect, it } from "vitest";
import { computeGain, NO_BRANCH } from "@/lib/knowledge-gain/gain";

const tags: Record<string, string[]> = {
  q1: ["evolution", "发展阶段"],
  q2: ["metrics"],
  q3: ["metrics"],
  q4: ["evolution"],
};
const branches: Record<string, string | null> = { a: "上海分行", b: "上海分行", c: null, d: "杭州分行" };

describe("knowledge gain", () => {
  const gain = computeGain(
    [
      { userId: "a", results: { q1: false, q2: false } },
      { userId: "b", results: { q1: true, q3: false } },
      { userId: "c", results: { q2: true, q4: false } },
      // d took only the pre-test: not in the gain
      { userId: "d", results: { q1: true, q2: true } },
    ],
    [
      { userId: "a", results: { q1: true, q2: true, q4: true } },
      { userId: "b", results: { q1: true, q3: true } },
      { userId: "c", results: { q2: true, q4: true } },
      // e took only the final: not in the gain
      { userId: "e", results: { q1: false } },
    ],
    (q) => tags[q] ?? [],
    (u) => branches[u] ?? null,
  );

  it("counts only learners who took both, and says how many took each", () => {
    expect(gain).toMatchObject({ preTakers: 4, postTakers: 4, both: 3 });
    // pre: a 0/2, b 1/2, c 1/2 = 2/6; post: 3/3 + 2/2 + 2/2 = 7/7
    expect(gain.overall.pre).toEqual({ correct: 2, total: 6, percent: 33.3 });
    expect(gain.overall.post).toEqual({ correct: 7, total: 7, percent: 100 });
    expect(gain.overall.gain).toBe(66.7);
  });

  it("splits by topic tag over the questions each side met", () => {
    const metrics = gain.byTag.find((r) => r.key === "metrics")!;
    // pre: a q2 ✗, b q3 ✗, c q2 ✓ → 1/3; post: a q2 ✓, b q3 ✓, c q2 ✓ → 3/3
    expect(metrics).toMatchObject({ learners: 3, pre: { correct: 1, total: 3 }, post: { correct: 3, total: 3 } });
    const stage = gain.byTag.find((r) => r.key === "发展阶段")!;
    expect(stage).toMatchObject({ learners: 2, pre: { correct: 1, total: 2 }, post: { correct: 2, total: 2 } });
  });

  it("splits by 分行, with learners without one grouped together, and leaves out those who took one side", () => {
    expect(gain.byBranch.map((r) => [r.key, r.learners]).sort()).toEqual([
      ["上海分行", 2],
      [NO_BRANCH, 1],
    ]);
  });
});
