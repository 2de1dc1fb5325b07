import { describe, expect, it } from "vitest";
import { CAUSES, OBJECTIONS, OBJECTIONS_IN_ORDER, type Cause } from "@/lib/exercises/objection-sort";
import { optionsInOrder, OPTIONS, PRINCIPLES, type Principle } from "@/lib/exercises/partnership-plan";
import { seededShuffle } from "@/lib/exercises/shuffle";

const principles = Object.keys(PRINCIPLES) as Principle[];
const causes = Object.keys(CAUSES) as Cause[];

/** True when the sequence repeats itself at least twice over (1,2,3,1,2,3 or 0,0,0,0). */
function periodic(seq: number[]): boolean {
  for (let p = 1; p * 2 <= seq.length; p++) if (seq.every((v, i) => i < p || v === seq[i - p])) return true;
  return false;
}

describe("seededShuffle", () => {
  const items = Array.from({ length: 10 }, (_, i) => i);

  it("gives the same order for the same seed, so the server and the browser agree", () => {
    expect(seededShuffle(items, "a")).toEqual(seededShuffle(items, "a"));
  });

  it("keeps every item exactly once and leaves its input alone", () => {
    const copy = [...items];
    const out = seededShuffle(items, "b");
    expect([...out].sort((x, y) => x - y)).toEqual(copy);
    expect(items).toEqual(copy);
  });

  it("gives different seeds different orders, and does not leave a list as written", () => {
    const orders = new Set(["a", "b", "c", "d", "e"].map((s) => seededShuffle(items, s).join(",")));
    expect(orders.size).toBeGreaterThan(3);
    expect(orders.has(items.join(","))).toBe(false);
  });
});

describe("exercise answer positions", () => {
  it("does not put the good 银商合作 option in the same slot for every principle", () => {
    const slots = principles.map((p) => optionsInOrder(p).findIndex((o) => o.good));
    expect(new Set(slots).size).toBeGreaterThan(1);
    // The lists are written good-first; the shown order must not simply repeat that.
    expect(slots.every((s) => s === 0)).toBe(false);
  });

  it("shows every 银商合作 option, in a fixed order", () => {
    for (const p of principles) {
      expect(
        optionsInOrder(p)
          .map((o) => o.id)
          .sort(),
      ).toEqual(OPTIONS[p].map((o) => o.id).sort());
      expect(optionsInOrder(p)).toEqual(optionsInOrder(p));
    }
  });

  it("does not let the 九宫格 causes come round in turn", () => {
    // As written, the objections go cause 1, 2, 3, 1, 2, 3 — answerable without reading them.
    expect(periodic(OBJECTIONS.map((o) => causes.indexOf(o.cause)))).toBe(true);
    expect(periodic(OBJECTIONS_IN_ORDER.map((o) => causes.indexOf(o.cause)))).toBe(false);
    expect(OBJECTIONS_IN_ORDER.map((o) => o.id).sort()).toEqual(OBJECTIONS.map((o) => o.id).sort());
  });
});
