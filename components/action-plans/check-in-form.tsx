"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Field, FormMessage, SelectField } from "@/components/forms/field";

export type CheckInFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  round: number;
  actions: { id: string; title: string; metric: string }[];
  statuses: { value: string; label: string }[];
};

/** One status, result figure and obstacle per open action of the round that is due. */
export function CheckInForm({ action, round, actions, statuses }: CheckInFormProps) {
  // React resets a form after its action; the fields are remounted on every answer so
  // selects and inputs show what was sent back rather than their first defaults.
  const [state, formAction, pending] = useActionState<ActionState & { answers?: number }, FormData>(
    async (prev, form) => ({
      ...(await action(prev, form)),
      answers: (prev.answers ?? 0) + 1,
    }),
    {},
  );
  const values = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage message={state.message ?? err.form} ok={state.ok} />
      <input type="hidden" name="round" value={round} />
      {actions.map((a, i) => (
        <fieldset key={`${a.id}-${state.answers ?? 0}`} className="space-y-3 rounded-lg border border-gray-200 p-4">
          <legend className="px-1 font-semibold text-brand-900">
            第 {i + 1} 项：{a.title}
          </legend>
          <SelectField
            name={`status_${a.id}`}
            label={`第 ${i + 1} 项进展`}
            options={[{ value: "", label: "请选择" }, ...statuses]}
            defaultValue={values[`status_${a.id}`] ?? ""}
            error={err[`status_${a.id}`]}
          />
          <Field
            name={`result_${a.id}`}
            label={`第 ${i + 1} 项目前结果（${a.metric}）`}
            inputMode="decimal"
            defaultValue={values[`result_${a.id}`]}
            hint="完成的行动必填"
            error={err[`result_${a.id}`]}
          />
          <Field
            name={`obstacles_${a.id}`}
            label={`第 ${i + 1} 项遇到的阻碍`}
            defaultValue={values[`obstacles_${a.id}`]}
            hint="未开始或放弃时必填"
            error={err[`obstacles_${a.id}`]}
          />
        </fieldset>
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "提交中…" : `提交第 ${round} 天回访`}
      </button>
    </form>
  );
}
