import { describe, expect, it } from "vitest";
import { computeActivity, normaliseCount } from "@/lib/exercises/activity-rates";

const input = (cardsIssued: string, activeCards: string, customers: string, activeCustomers: string) => ({
  cardsIssued,
  activeCards,
  customers,
  activeCustomers,
});

describe("computeActivity", () => {
  it("computes both rates to one decimal", () => {
    const r = computeActivity(input("2000", "500", "1500", "450"));
    expect(r).toMatchObject({ ok: true, result: { activeCardRate: 25, activeCustomerRate: 30 } });
    const third = computeActivity(input("3", "1", "3", "2"));
    expect(third).toMatchObject({ ok: true, result: { activeCardRate: 33.3, activeCustomerRate: 66.7 } });
  });

  it("flags an 活卡率 under 10% as the state-owned-bank scenario", () => {
    const r = computeActivity(input("10000", "900", "9000", "1000"));
    if (!r.ok) throw new Error("expected a result");
    expect(r.result.activeCardRate).toBe(9);
    expect(r.result.verdicts[0]).toContain("不足10%");
    expect(r.result.verdicts[0]).toContain("低于 10%");
  });

  it("does not flag exactly 10%", () => {
    const r = computeActivity(input("100", "10", "100", "10"));
    if (!r.ok) throw new Error("expected a result");
    expect(r.result.verdicts[0]).not.toContain("低于 10%");
  });

  it("refuses negatives, decimals, blanks and text with a message per field", () => {
    const r = computeActivity(input("-5", "1.5", "", "abc"));
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        cardsIssued: "发卡量须为不带小数的非负整数",
        activeCards: "活跃卡量须为不带小数的非负整数",
        customers: "请填写流通客户数",
        activeCustomers: "活跃客户数须为不带小数的非负整数",
      },
    });
  });

  it("refuses more active cards than cards issued, and more active customers than customers", () => {
    const r = computeActivity(input("100", "101", "50", "60"));
    expect(r).toEqual({
      ok: false,
      fieldErrors: { activeCards: "活跃卡量不能多于发卡量", activeCustomers: "活跃客户数不能多于流通客户数" },
    });
  });

  it("refuses zero denominators instead of dividing by zero", () => {
    const r = computeActivity(input("0", "0", "0", "0"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors.cardsIssued).toContain("须大于 0");
      expect(r.fieldErrors.customers).toContain("须大于 0");
    }
  });

  it("accepts surrounding spaces", () => {
    expect(computeActivity(input(" 10 ", "5", "10 ", " 5")).ok).toBe(true);
  });
});

describe("normaliseCount", () => {
  it("drops thousands separators, ASCII or full-width, when the groups are of three", () => {
    expect(normaliseCount("100,000")).toBe("100000");
    expect(normaliseCount("100，000")).toBe("100000");
    expect(normaliseCount(" 1,234,567 ")).toBe("1234567");
  });

  it("turns full-width digits into ASCII ones", () => {
    expect(normaliseCount("１００００")).toBe("10000");
    expect(normaliseCount("１００，０００")).toBe("100000");
  });

  it("leaves misplaced separators, signs and decimals for the schema to refuse", () => {
    expect(normaliseCount("1,00")).toBe("1,00");
    expect(normaliseCount("12,3456")).toBe("12,3456");
    expect(normaliseCount("-5")).toBe("-5");
    expect(normaliseCount("1.5")).toBe("1.5");
  });

  it("lets the calculator take numbers as people type them", () => {
    const r = computeActivity(input("100,000", "１００００", "80，000", "２０,０００"));
    expect(r).toMatchObject({ ok: true, result: { activeCardRate: 10, activeCustomerRate: 25 } });
    const bad = computeActivity(input("1,00", "1", "1", "1"));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { cardsIssued: "发卡量须为不带小数的非负整数" } });
  });
});
