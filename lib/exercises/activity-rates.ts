// 活卡率 / 实动率 calculator (module 6 exercise). Pure functions: the page's client component and
// the unit tests call the same code. The sources define no 口径 for either rate, so the learner
// picks the denominator of 活卡率 (cards issued or cards in circulation) and the result explains
// how the bases differ instead of judging the numbers: the state bank's "不足10%" in module 6 is
// one bank's outcome, not a threshold (issue 15, A3/A4). Returns codes and numbers; the component
// phrases them.

/**
 * What people type for a count, as plain digits: full-width digits (０-９, from a Chinese input
 * method) become ASCII, and thousands separators — `100,000` or `100，000` — are dropped when the
 * groups are of three. Anything else is left for validation to refuse.
 */
export function normaliseCount(raw: string): string {
  const ascii = raw.trim().replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,3}([,，]\d{3})+$/.test(ascii) ? ascii.replace(/[,，]/g, "") : ascii;
}

/** The denominator of 活卡率: every card ever issued, or the cards still in circulation. */
export type CardBase = "issued" | "circulating";
export const CARD_BASES: CardBase[] = ["circulating", "issued"];

export type ActivityInput = {
  cardBase: CardBase;
  cardsIssued: string;
  circulatingCards: string;
  activeCards: string;
  customers: string;
  activeCustomers: string;
};
export type CountField = Exclude<keyof ActivityInput, "cardBase">;

export type FieldErrorCode =
  | "required"
  | "not-integer"
  | "too-large"
  | "zero"
  /** active cards above the card count they are divided by */
  | "more-than-cards"
  | "more-than-customers"
  | "more-than-issued";
export type ActivityFieldErrors = Partial<Record<CountField, FieldErrorCode>>;

export type ActivityResult = {
  cardBase: CardBase;
  /** 活卡率 on the chosen base: active cards ÷ (issued or circulating) cards, percent, one decimal. */
  activeCardRate: number;
  /** 活卡率 on the other base, when that count was given too. */
  otherBaseRate: number | null;
  /** 实动率: active customers ÷ customers holding cards in circulation, percent, one decimal. */
  activeCustomerRate: number;
  /** Both rates divide by what is in circulation (cards / customers), so they can be read side by side. */
  comparable: boolean;
  /** 活卡率 on the circulating base against 实动率; null when no circulating count was given. */
  gap: "customer-higher" | "card-higher" | "equal" | null;
  /** Circulating cards per circulating customer (one decimal), when both are known. */
  cardsPerCustomer: number | null;
};

const pct = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

type Parsed = { value: number | null; error?: FieldErrorCode };

function parseCount(raw: string, required: boolean): Parsed {
  const text = normaliseCount(raw);
  if (text === "") return required ? { value: null, error: "required" } : { value: null };
  if (!/^\d+$/.test(text)) return { value: null, error: "not-integer" };
  const n = Number(text);
  return Number.isSafeInteger(n) ? { value: n } : { value: null, error: "too-large" };
}

export function computeActivity(
  input: ActivityInput,
): { ok: true; result: ActivityResult } | { ok: false; fieldErrors: ActivityFieldErrors } {
  const baseField: CountField = input.cardBase === "issued" ? "cardsIssued" : "circulatingCards";
  const fields: CountField[] = ["cardsIssued", "circulatingCards", "activeCards", "customers", "activeCustomers"];
  const errors: ActivityFieldErrors = {};
  const v = {} as Record<CountField, number | null>;
  for (const f of fields) {
    const optional = (f === "cardsIssued" || f === "circulatingCards") && f !== baseField;
    const p = parseCount(input[f], !optional);
    v[f] = p.value;
    if (p.error) errors[f] = p.error;
  }
  const base = v[baseField];
  if (base === 0) errors[baseField] ??= "zero";
  if (v.customers === 0) errors.customers ??= "zero";
  if (v.activeCards !== null) {
    const over = [v.cardsIssued, v.circulatingCards].some((n) => n !== null && v.activeCards! > n);
    if (over) errors.activeCards ??= "more-than-cards";
  }
  if (v.activeCustomers !== null && v.customers !== null && v.activeCustomers > v.customers)
    errors.activeCustomers ??= "more-than-customers";
  if (v.circulatingCards !== null && v.cardsIssued !== null && v.circulatingCards > v.cardsIssued)
    errors.circulatingCards ??= "more-than-issued";
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const activeCards = v.activeCards!;
  const rateOn = (n: number | null) => (n ? pct(activeCards, n) : null);
  const activeCardRate = rateOn(base)!;
  const otherBaseRate = rateOn(input.cardBase === "issued" ? v.circulatingCards : v.cardsIssued);
  const activeCustomerRate = pct(v.activeCustomers!, v.customers!);
  const circulatingRate = rateOn(v.circulatingCards);
  const gap =
    circulatingRate === null
      ? null
      : activeCustomerRate > circulatingRate
        ? "customer-higher"
        : activeCustomerRate < circulatingRate
          ? "card-higher"
          : "equal";
  const cardsPerCustomer = v.circulatingCards ? Math.round((v.circulatingCards / v.customers!) * 10) / 10 : null;
  return {
    ok: true,
    result: {
      cardBase: input.cardBase,
      activeCardRate,
      otherBaseRate,
      activeCustomerRate,
      comparable: input.cardBase === "circulating",
      gap,
      cardsPerCustomer,
    },
  };
}
