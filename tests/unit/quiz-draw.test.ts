import { describe, expect, it } from "vitest";
import { drawQuestions } from "@/lib/quiz/draw";

const pool = ["evolution", "metrics", "compliance"].flatMap((module) =>
  Array.from({ length: 8 }, (_, i) => ({ id: `${module}-${i}`, module })),
);

describe("drawing a final from the pool", () => {
  it("takes the count asked, at least the minimum from every module, no question twice", () => {
    for (let seed = 0; seed < 200; seed++) {
      let x = seed + 1;
      const random = () => ((x = (x * 16807) % 2147483647) - 1) / 2147483646;
      const ids = drawQuestions(pool, { count: 10, minPerModule: 3 }, random);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      for (const m of ["evolution", "metrics", "compliance"])
        expect(ids.filter((id) => id.startsWith(m)).length).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives different learners different sets", () => {
    const sets = new Set(Array.from({ length: 20 }, () => drawQuestions(pool, { count: 10, minPerModule: 2 }).join()));
    expect(sets.size).toBeGreaterThan(15);
  });

  it("keeps the file's order (shuffling is the caller's choice)", () => {
    const ids = drawQuestions(pool, { count: 24, minPerModule: 0 });
    expect(ids).toEqual(pool.map((q) => q.id));
  });
});
