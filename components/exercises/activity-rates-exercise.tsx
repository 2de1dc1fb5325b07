"use client";

import { useState, type FormEvent } from "react";
import {
  computeActivity,
  type ActivityFieldErrors,
  type ActivityInput,
  type ActivityResult,
} from "@/lib/exercises/activity-rates";

const FIELDS: { name: keyof ActivityInput; label: string; hint: string }[] = [
  { name: "cardsIssued", label: "发卡量（张）", hint: "统计期内累计发出的卡" },
  { name: "activeCards", label: "活跃卡量（张）", hint: "统计期内有交易的卡" },
  { name: "customers", label: "流通客户数（户）", hint: "持有流通卡的客户" },
  { name: "activeCustomers", label: "活跃客户数（户）", hint: "统计期内有用卡行为的客户" },
];

const EMPTY: ActivityInput = { cardsIssued: "", activeCards: "", customers: "", activeCustomers: "" };

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

  return (
    <div>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => {
          const error = errors[f.name];
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
                aria-invalid={error ? true : undefined}
                aria-describedby={`${f.name}-hint${error ? ` ${f.name}-error` : ""}`}
                className={`mt-1 w-full rounded-lg border px-3 py-2 text-lg ${error ? "border-red-600" : "border-gray-300"}`}
              />
              <p id={`${f.name}-hint`} className="mt-1 text-xs text-gray-500">
                {f.hint}
              </p>
              {error && (
                <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
                  {error}
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
                <dt className="text-sm text-gray-600">活卡率</dt>
                <dd className="text-3xl font-bold text-brand-700">{result.activeCardRate}%</dd>
              </div>
              <div>
                <dt className="text-sm text-gray-600">实动率</dt>
                <dd className="text-3xl font-bold text-brand-700">{result.activeCustomerRate}%</dd>
              </div>
            </dl>
            <ul className="mt-4 space-y-2 text-gray-800">
              {result.verdicts.map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
