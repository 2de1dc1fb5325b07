import { describe, expect, it } from "vitest";
import { CAUSES, gradeObjectionSort, OBJECTIONS } from "@/lib/exercises/objection-sort";
import { gradePlan, OPTIONS, PRINCIPLES } from "@/lib/exercises/partnership-plan";

describe("gradeObjectionSort", () => {
  it("marks every objection right when each is sorted into its cause", () => {
    const answer = Object.fromEntries(OBJECTIONS.map((o) => [o.id, o.cause]));
    const r = gradeObjectionSort(answer);
    expect(r.correct).toBe(OBJECTIONS.length);
    expect(r.items.every((i) => i.message.startsWith("正确"))).toBe(true);
  });

  it("explains a wrong sort, naming both the chosen and the right cause", () => {
    const r = gradeObjectionSort({ "after-peak": "missedNeed" });
    const item = r.items.find((i) => i.id === "after-peak")!;
    expect(item).toMatchObject({ answered: true, correct: false, expected: "notUrgent" });
    expect(item.message).toContain(`您选了“${CAUSES.missedNeed}”`);
    expect(item.message).toContain(`应归为“${CAUSES.notUrgent}”`);
    expect(r.correct).toBe(0);
  });

  it("checks nothing and reveals no cause when nothing is sorted", () => {
    const r = gradeObjectionSort({});
    expect(r.answered).toBe(0);
    expect(r.correct).toBe(0);
    for (const item of r.items) {
      expect(item.answered).toBe(false);
      for (const label of Object.values(CAUSES)) expect(item.message).not.toContain(label);
    }
  });

  it("grades the sorted objections and leaves the others' causes unsaid", () => {
    const [first, second] = OBJECTIONS;
    const r = gradeObjectionSort({ [first!.id]: first!.cause });
    expect(r).toMatchObject({ answered: 1, correct: 1 });
    const unsorted = r.items.find((i) => i.id === second!.id)!;
    expect(unsorted.message).not.toContain(CAUSES[second!.cause]);
  });

  it("uses each of the three causes at least once, so the exercise cannot be gamed by one answer", () => {
    const causes = new Set(OBJECTIONS.map((o) => o.cause));
    expect(causes).toEqual(new Set(Object.keys(CAUSES)));
  });
});

describe("gradePlan", () => {
  const goodChoice = Object.fromEntries(
    (Object.keys(PRINCIPLES) as (keyof typeof PRINCIPLES)[]).map((p) => [p, OPTIONS[p].find((o) => o.good)!.id]),
  );

  it("praises a plan that meets all three principles", () => {
    const r = gradePlan(goodChoice);
    expect(r.good).toBe(3);
    expect(r.summary).toContain("三条原则都做到了");
  });

  it("flags a weak pick with the principle it breaks", () => {
    const r = gradePlan({ ...goodChoice, sharedGain: "merchant-pays" });
    expect(r.good).toBe(2);
    const item = r.items.find((i) => i.principle === "sharedGain")!;
    expect(item.good).toBe(false);
    expect(item.message).toMatch(/^需要调整/);
    expect(r.summary).toContain("还有 1 条原则没有做到");
  });

  it("asks for a missing pick and ignores unknown option ids", () => {
    const r = gradePlan({ bankEffort: "no-such-option" });
    expect(r.items.every((i) => !i.answered)).toBe(true);
    expect(r.items[0]!.message).toBe("请为“银行出力”选择一项。");
    expect(r.answered).toBe(0);
    expect(r.summary).toBe("请先为三条原则各选择一项做法，再检查方案。");
  });

  it("asks for the missing picks of a partial plan instead of counting them as broken principles", () => {
    const r = gradePlan({ bankEffort: goodChoice.bankEffort });
    expect(r.answered).toBe(1);
    expect(r.summary).toBe("还有 2 条原则没有选择做法，请选择后再检查。");
  });

  it("has exactly one good option per principle", () => {
    for (const list of Object.values(OPTIONS)) expect(list.filter((o) => o.good)).toHaveLength(1);
  });
});
