"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Field, FormMessage, SelectField } from "@/components/forms/field";

type Option = { value: string; label: string };

export type ActionPlanFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  tools: Option[];
  metrics: Option[];
  /** The first action prefilled from the 银商合作 exercise, with its choices as JSON. */
  prefill?: { description: string; exercise: string };
  /** Today in Beijing time, the earliest due date. */
  today: string;
  /** The filed plan's fields (a1Tool, a1DueOn, …) when revising it. */
  initial?: Record<string, string>;
  submitLabel?: string;
  /** Where to go once saved (revising returns to the plan). */
  afterSuccess?: string;
};

/** Three action slots; the first is required, the other two count only when filled in. */
export function ActionPlanForm({
  action,
  tools,
  metrics,
  prefill,
  today,
  initial = {},
  submitLabel = "提交行动计划",
  afterSuccess,
}: ActionPlanFormProps) {
  const router = useRouter();
  // React resets a form after its action; the fields are remounted on every answer so
  // selects and inputs show what was sent back rather than their first defaults.
  const [state, formAction, pending] = useActionState<ActionState & { answers?: number }, FormData>(
    async (prev, form) => {
      const next = await action(prev, form);
      if (next.ok && afterSuccess) router.replace(afterSuccess);
      return { ...next, answers: (prev.answers ?? 0) + 1 };
    },
    {},
  );
  const values = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage message={state.message ?? err.form} ok={state.ok} />
      {[1, 2, 3].map((i) => {
        const v = (f: string, fallback = "") => values[`a${i}${f}`] ?? initial[`a${i}${f}`] ?? fallback;
        const fromExercise = i === 1 ? prefill : undefined;
        return (
          <fieldset key={`${i}-${state.answers ?? 0}`} className="space-y-3 rounded-lg border border-gray-200 p-4">
            <legend className="px-1 font-semibold text-brand-900">
              第 {i} 项行动{i === 1 ? "" : "（可选，留空则不计入）"}
            </legend>
            {fromExercise && (
              <p className="rounded bg-brand-50 p-2 text-sm text-brand-900">已带入银商合作练习中的方案。</p>
            )}
            {(fromExercise || v("Exercise")) && (
              <input type="hidden" name={`a${i}Exercise`} value={v("Exercise", fromExercise?.exercise ?? "")} />
            )}
            <SelectField
              name={`a${i}Tool`}
              label={`第 ${i} 项：用到的课程工具`}
              options={[{ value: "", label: "请选择" }, ...tools]}
              defaultValue={v("Tool", fromExercise ? "PARTNERSHIP" : "")}
              error={err[`a${i}Tool`]}
            />
            <Field
              name={`a${i}Merchant`}
              label={`第 ${i} 项：合作商户（银商合作方案必填）`}
              defaultValue={v("Merchant")}
              error={err[`a${i}Merchant`]}
            />
            <Field
              name={`a${i}Description`}
              label={`第 ${i} 项：具体要做什么`}
              defaultValue={v("Description", fromExercise?.description ?? "")}
              error={err[`a${i}Description`]}
            />
            <SelectField
              name={`a${i}Metric`}
              label={`第 ${i} 项：衡量指标`}
              options={[{ value: "", label: "请选择" }, ...metrics]}
              defaultValue={v("Metric")}
              error={err[`a${i}Metric`]}
            />
            <Field
              name={`a${i}MetricName`}
              label={`第 ${i} 项：指标名称（选“其他”时填写）`}
              defaultValue={v("MetricName")}
              error={err[`a${i}MetricName`]}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <Field
                name={`a${i}Baseline`}
                label={`第 ${i} 项：基线`}
                inputMode="decimal"
                defaultValue={v("Baseline")}
                error={err[`a${i}Baseline`]}
              />
              <Field
                name={`a${i}Target`}
                label={`第 ${i} 项：目标`}
                inputMode="decimal"
                defaultValue={v("Target")}
                error={err[`a${i}Target`]}
              />
              <Field
                name={`a${i}DueOn`}
                label={`第 ${i} 项：完成日期`}
                type="date"
                min={today}
                defaultValue={v("DueOn")}
                error={err[`a${i}DueOn`]}
              />
            </div>
          </fieldset>
        );
      })}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "提交中…" : submitLabel}
      </button>
    </form>
  );
}
