"use client";

import { useState, type FormEvent } from "react";
import {
  CARD_BASES,
  computeActivity,
  type ActivityFieldErrors,
  type ActivityInput,
  type ActivityResult,
  type CardBase,
  type CountField,
  type FieldErrorCode,
} from "@/lib/exercises/activity-rates";

// The 口径 the calculator uses, stated on the page: the course's own definitions, not a bank's.
const BASES: Record<CardBase, { label: string; hint: string }> = {
  circulating: { label: "流通卡量", hint: "与实动率口径一致：两者都以仍在流通的卡或客户为分母" },
  issued: { label: "发卡量", hint: "累计发出的卡，含已注销、过期等不再流通的卡" },
};

const FIELDS: { name: CountField; label: string; short: string; hint: string }[] = [
  { name: "cardsIssued", label: "发卡量（张）", short: "发卡量", hint: "累计发出的卡，含已注销、过期的卡" },
  { name: "circulatingCards", label: "流通卡量（张）", short: "流通卡量", hint: "仍在有效期内、未注销的卡" },
  { name: "activeCards", label: "活跃卡量（张）", short: "活跃卡量", hint: "统计期内有交易的卡" },
  { name: "customers", label: "流通客户数（户）", short: "流通客户数", hint: "持有流通卡的客户" },
  { name: "activeCustomers", label: "活跃客户数（户）", short: "活跃客户数", hint: "统计期内有交易的客户" },
];

function errorText(code: FieldErrorCode, short: string, base: CardBase): string {
  switch (code) {
    case "required":
      return `请填写${short}`;
    case "not-integer":
      return `${short}须为不带小数的非负整数`;
    case "too-large":
      return `${short}数值过大`;
    case "zero":
      return `${short}须大于 0，才能作分母`;
    case "more-than-cards":
      return `活跃卡量不能多于${BASES[base].label}或发卡量`;
    case "more-than-customers":
      return "活跃客户数不能多于流通客户数";
    case "more-than-issued":
      return "流通卡量不能多于发卡量";
  }
}

/** What the numbers mean, read from the result's codes: explanations of the bases, not verdicts. */
function explanations(r: ActivityResult): string[] {
  const out: string[] = [];
  if (r.comparable) {
    out.push("活卡率和实动率都以流通中的卡或客户为分母，可以并排看：前者按卡数算，后者按人数算。");
  } else {
    out.push(
      "这里的活卡率以发卡量为分母，实动率以流通客户为分母，两者口径不同，不宜直接比较高低。发卡量里包含已注销、过期等不再流通的卡，按发卡量算出的活卡率通常偏低。",
    );
  }
  if (r.otherBaseRate !== null) {
    const other = r.cardBase === "issued" ? "流通卡量" : "发卡量";
    out.push(`换成以${other}为分母，活卡率是 ${r.otherBaseRate}%。同一组数据，口径不同，数字就不同。`);
  }
  if (r.gap === "customer-higher")
    out.push("实动率高于活卡率：有的客户持有多张卡，只用其中一张。按人看客户是活跃的，按卡看就有卡没有用起来。");
  if (r.gap === "card-higher")
    out.push("活卡率高于实动率：活跃的卡集中在持卡较多的客户手里，按人看，用卡的客户比例更低。");
  if (r.gap === "equal") out.push("两个比率相同：按卡看和按人看，活跃程度一致。");
  if (r.cardsPerCustomer !== null) out.push(`平均每位流通客户持有 ${r.cardsPerCustomer} 张流通卡。`);
  out.push(
    "各家银行对“活跃”“流通”的认定不尽相同（例如统计期是一个月还是一个季度，哪些交易计入）。比较不同银行、不同时期的数字之前，先确认口径一致。",
  );
  return out;
}

const EMPTY: ActivityInput = {
  cardBase: "circulating",
  cardsIssued: "",
  circulatingCards: "",
  activeCards: "",
  customers: "",
  activeCustomers: "",
};

export function ActivityRatesExercise() {
  const [values, setValues] = useState<ActivityInput>(EMPTY);
  const [errors, setErrors] = useState<ActivityFieldErrors>({});
  const [result, setResult] = useState<ActivityResult | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const r = computeActivity(values);
    if (r.ok) {
      setErrors({});
      setResult(r.result);
    } else {
      setErrors(r.fieldErrors);
      setResult(null);
    }
  }

  const baseField: CountField = values.cardBase === "issued" ? "cardsIssued" : "circulatingCards";
  return (
    <div>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <fieldset className="sm:col-span-2 rounded-lg border border-gray-200 p-4">
          <legend className="px-1 font-medium text-gray-800">活卡率的分母（口径）</legend>
          <div className="mt-1 space-y-2">
            {CARD_BASES.map((b) => (
              <label key={b} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="cardBase"
                  value={b}
                  checked={values.cardBase === b}
                  onChange={() => setValues({ ...values, cardBase: b })}
                  className="mt-1.5"
                />
                <span>
                  <span className="font-medium">{BASES[b].label}</span>
                  <span className="block text-xs text-gray-500">{BASES[b].hint}</span>
                </span>
              </label>
            ))}
          </div>
          <p className="mt-3 text-xs text-gray-600">
            本练习的口径：活卡率 = 活跃卡量 ÷ 所选分母；实动率 = 活跃客户数 ÷ 流通客户数；“活跃”指统计期内有交易。
          </p>
        </fieldset>
        {FIELDS.map((f) => {
          const code = errors[f.name];
          const optional = (f.name === "cardsIssued" || f.name === "circulatingCards") && f.name !== baseField;
          return (
            <div key={f.name}>
              <label htmlFor={f.name} className="block font-medium text-gray-800">
                {f.label}
              </label>
              <input
                id={f.name}
                name={f.name}
                inputMode="numeric"
                autoComplete="off"
                value={values[f.name]}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
                aria-invalid={code ? true : undefined}
                aria-describedby={`${f.name}-hint${code ? ` ${f.name}-error` : ""}`}
                className={`mt-1 w-full rounded-lg border px-3 py-2 text-lg ${code ? "border-red-600" : "border-gray-300"}`}
              />
              <p id={`${f.name}-hint`} className="mt-1 text-xs text-gray-500">
                {f.hint}
                {optional ? "（选填：填了可对照另一种口径）" : ""}
              </p>
              {code && (
                <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
                  {errorText(code, f.short, values.cardBase)}
                </p>
              )}
            </div>
          );
        })}
        <div className="sm:col-span-2">
          <button
            type="submit"
            className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            计算
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {result && (
          <section aria-label="计算结果" className="mt-8 rounded-lg border border-brand-100 bg-brand-50 p-5">
            <dl className="grid grid-cols-2 gap-4">
              <div>
                <dt className="text-sm text-gray-600">活卡率（分母：{BASES[result.cardBase].label}）</dt>
                <dd className="text-3xl font-bold text-brand-700">{result.activeCardRate}%</dd>
              </div>
              <div>
                <dt className="text-sm text-gray-600">实动率（分母：流通客户数）</dt>
                <dd className="text-3xl font-bold text-brand-700">{result.activeCustomerRate}%</dd>
              </div>
            </dl>
            <ul className="mt-4 space-y-2 text-gray-800">
              {explanations(result).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
