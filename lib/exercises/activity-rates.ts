// 活卡率 / 实动率 calculator (module 6 exercise). Pure functions: the page's client component
// and the unit tests call the same code, so what the learner sees is what the tests pin down.
import { z } from "zod";

/**
 * What people type for a count, as plain digits: full-width digits (０-９, from a Chinese input
 * method) become ASCII, and thousands separators — `100,000` or `100，000` — are dropped when the
 * groups are of three. Anything else is left for the schema to refuse, with its message.
 */
export function normaliseCount(raw: string): string {
  const ascii = raw.trim().replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,3}([,，]\d{3})+$/.test(ascii) ? ascii.replace(/[,，]/g, "") : ascii;
}

const count = (label: string) =>
  z
    .string()
    .transform(normaliseCount)
    .pipe(z.string().min(1, `请填写${label}`).regex(/^\d+$/, `${label}须为不带小数的非负整数`))
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), `${label}数值过大`);

export const activityInputSchema = z
  .object({
    cardsIssued: count("发卡量"),
    activeCards: count("活跃卡量"),
    customers: count("流通客户数"),
    activeCustomers: count("活跃客户数"),
  })
  .superRefine((v, ctx) => {
    if (v.cardsIssued === 0)
      ctx.addIssue({ code: "custom", path: ["cardsIssued"], message: "发卡量须大于 0，才能计算活卡率" });
    if (v.customers === 0)
      ctx.addIssue({ code: "custom", path: ["customers"], message: "流通客户数须大于 0，才能计算实动率" });
    if (v.activeCards > v.cardsIssued)
      ctx.addIssue({ code: "custom", path: ["activeCards"], message: "活跃卡量不能多于发卡量" });
    if (v.activeCustomers > v.customers)
      ctx.addIssue({ code: "custom", path: ["activeCustomers"], message: "活跃客户数不能多于流通客户数" });
  });

export type ActivityInput = z.input<typeof activityInputSchema>;
export type ActivityFieldErrors = Partial<Record<keyof ActivityInput, string>>;

export type ActivityResult = {
  /** 活卡率: active cards ÷ cards issued, in percent (one decimal). */
  activeCardRate: number;
  /** 实动率 as 平安银行 defines it: active customers ÷ customers with cards in circulation, in percent. */
  activeCustomerRate: number;
  /** Feedback, comparing with the course's two reference points. */
  verdicts: string[];
};

/** The state-owned bank of module 6 issued cards in a rush for two years and ended with an
 * 活卡率 不足10% (source 004); below this line the learner's numbers look like that case. */
export const LOW_ACTIVITY_THRESHOLD = 10;

const pct = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

export function computeActivity(
  raw: ActivityInput,
): { ok: true; result: ActivityResult } | { ok: false; fieldErrors: ActivityFieldErrors } {
  const parsed = activityInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: ActivityFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ActivityInput;
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const v = parsed.data;
  const activeCardRate = pct(v.activeCards, v.cardsIssued);
  const activeCustomerRate = pct(v.activeCustomers, v.customers);
  const verdicts: string[] = [];
  if (activeCardRate < LOW_ACTIVITY_THRESHOLD) {
    verdicts.push(
      `活卡率 ${activeCardRate}% 低于 10%，与模块六中那家国有银行相似：两年突击发卡，活卡率不足10%。发出去的卡大多在沉睡，发卡量再高也换不来交易和收入。`,
    );
  } else {
    verdicts.push(
      `活卡率 ${activeCardRate}%：高于模块六案例中“不足10%”的警戒线，但仍要按月跟踪，看新发卡是否真正用起来。`,
    );
  }
  verdicts.push(
    `实动率 ${activeCustomerRate}%：平安银行2021年把“北极星”指标从获客转向实动率（活跃客户占流通客户的比例）。衡量的是有多少客户真的在用卡，而不是发了多少卡。`,
  );
  if (activeCustomerRate + 10 < activeCardRate) {
    verdicts.push("实动率明显低于活卡率：活跃的卡可能集中在少数客户手里，值得按客户而不是按卡来看经营成效。");
  }
  return { ok: true, result: { activeCardRate, activeCustomerRate, verdicts } };
}
