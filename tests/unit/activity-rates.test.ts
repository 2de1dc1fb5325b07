import { describe, expect, it } from "vitest";
import { computeActivity, normaliseCount, type ActivityInput } from "@/lib/exercises/activity-rates";

const input = (over: Partial<ActivityInput>): ActivityInput => ({
  cardBase: "circulating",
  cardsIssued: "",
  circulatingCards: "2000",
  activeCards: "500",
  customers: "1500",
  activeCustomers: "450",
  ...over,
});

describe("computeActivity", () => {
  it("computes 活卡率 on the circulating base and 实动率, to one decimal, as comparable", () => {
    const r = computeActivity(input({}));
    expect(r).toEqual({
      ok: true,
      result: {
        cardBase: "circulating",
        activeCardRate: 25,
        otherBaseRate: null,
        activeCustomerRate: 30,
        comparable: true,
        gap: "customer-higher",
        cardsPerCustomer: 1.3,
      },
    });
    const third = computeActivity(
      input({ circulatingCards: "3", activeCards: "1", customers: "3", activeCustomers: "2" }),
    );
    expect(third).toMatchObject({ ok: true, result: { activeCardRate: 33.3, activeCustomerRate: 66.7 } });
  });

  it("on the issued base says the rates are not comparable, and gives the other base when known", () => {
    const r = computeActivity(
      input({ cardBase: "issued", cardsIssued: "10000", circulatingCards: "5000", activeCards: "900" }),
    );
    expect(r).toMatchObject({
      ok: true,
      result: { cardBase: "issued", activeCardRate: 9, otherBaseRate: 18, comparable: false, gap: "customer-higher" },
    });
    const alone = computeActivity(input({ cardBase: "issued", cardsIssued: "10000", circulatingCards: "" }));
    expect(alone).toMatchObject({ ok: true, result: { otherBaseRate: null, gap: null, cardsPerCustomer: null } });
  });

  it("returns no verdict: a low rate is data, not a failing grade", () => {
    const r = computeActivity(
      input({ cardBase: "issued", cardsIssued: "100000", circulatingCards: "60000", activeCards: "5000" }),
    );
    if (!r.ok) throw new Error("expected a result");
    expect(Object.keys(r.result).sort()).toEqual(
      [
        "activeCardRate",
        "activeCustomerRate",
        "cardBase",
        "cardsPerCustomer",
        "comparable",
        "gap",
        "otherBaseRate",
      ].sort(),
    );
  });

  it("tells which rate is higher when cards are concentrated in fewer customers", () => {
    const r = computeActivity(
      input({ circulatingCards: "1000", activeCards: "600", customers: "1000", activeCustomers: "300" }),
    );
    expect(r).toMatchObject({ ok: true, result: { gap: "card-higher" } });
    const same = computeActivity(
      input({ circulatingCards: "100", activeCards: "40", customers: "50", activeCustomers: "20" }),
    );
    expect(same).toMatchObject({ ok: true, result: { gap: "equal", cardsPerCustomer: 2 } });
  });

  it("requires the chosen base's count and leaves the other optional", () => {
    expect(computeActivity(input({ circulatingCards: "" }))).toEqual({
      ok: false,
      fieldErrors: { circulatingCards: "required" },
    });
    expect(computeActivity(input({ cardBase: "issued", circulatingCards: "" }))).toEqual({
      ok: false,
      fieldErrors: { cardsIssued: "required" },
    });
  });

  it("refuses negatives, decimals, blanks and text with a code per field", () => {
    const r = computeActivity(
      input({ circulatingCards: "-5", activeCards: "1.5", customers: "", activeCustomers: "abc" }),
    );
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        circulatingCards: "not-integer",
        activeCards: "not-integer",
        customers: "required",
        activeCustomers: "not-integer",
      },
    });
  });

  it("refuses more active cards than cards, more active customers than customers, more circulating than issued", () => {
    const r = computeActivity(
      input({
        cardsIssued: "100",
        circulatingCards: "150",
        activeCards: "120",
        customers: "50",
        activeCustomers: "60",
      }),
    );
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        activeCards: "more-than-cards",
        activeCustomers: "more-than-customers",
        circulatingCards: "more-than-issued",
      },
    });
  });

  it("refuses zero denominators instead of dividing by zero", () => {
    const r = computeActivity(input({ circulatingCards: "0", activeCards: "0", customers: "0", activeCustomers: "0" }));
    expect(r).toEqual({ ok: false, fieldErrors: { circulatingCards: "zero", customers: "zero" } });
  });

  it("accepts surrounding spaces", () => {
    expect(
      computeActivity(input({ circulatingCards: " 10 ", activeCards: "5", customers: "10 ", activeCustomers: " 5" }))
        .ok,
    ).toBe(true);
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

  it("leaves misplaced separators, signs and decimals for validation to refuse", () => {
    expect(normaliseCount("1,00")).toBe("1,00");
    expect(normaliseCount("12,3456")).toBe("12,3456");
    expect(normaliseCount("-5")).toBe("-5");
    expect(normaliseCount("1.5")).toBe("1.5");
  });

  it("lets the calculator take numbers as people type them", () => {
    const r = computeActivity(
      input({
        circulatingCards: "100,000",
        activeCards: "１００００",
        customers: "80，000",
        activeCustomers: "２０,０００",
      }),
    );
    expect(r).toMatchObject({ ok: true, result: { activeCardRate: 10, activeCustomerRate: 25 } });
    const bad = computeActivity(input({ circulatingCards: "1,00" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { circulatingCards: "not-integer" } });
  });
});
