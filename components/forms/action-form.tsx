"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Field, FormMessage, SelectField } from "./field";

export type ActionFormField = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  /** A choice from a list (rendered as a select) instead of free text. */
  options?: { value: string; label: string }[];
};

export type ActionFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: ActionFormField[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Where to go after success (e.g. the sign-in page after a password change). */
  afterSuccess?: string;
  children?: ReactNode;
};

/** A small server-action form: fields, field errors from the validated-action helper, a message. */
export function ActionForm({ action, fields, submitLabel, hidden, afterSuccess, children }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.ok && afterSuccess) window.location.assign(afterSuccess);
    return next;
  }, {});
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage message={state.message ?? state.fieldErrors?.form} ok={state.ok} />
      {hidden && Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {fields.map((f) =>
        f.options ? (
          <SelectField
            key={`${f.name}-${state.ok ? "saved" : "editing"}`}
            name={f.name}
            label={f.label}
            options={f.options}
            defaultValue={values[f.name] ?? f.defaultValue}
            hint={f.hint}
            error={state.fieldErrors?.[f.name]}
          />
        ) : (
          <Field
            key={`${f.name}-${state.ok ? "saved" : "editing"}`}
            name={f.name}
            label={f.label}
            type={f.type ?? "text"}
            autoComplete={f.autoComplete}
            defaultValue={f.type === "password" ? undefined : (values[f.name] ?? f.defaultValue)}
            hint={f.hint}
            error={state.fieldErrors?.[f.name]}
          />
        ),
      )}
      {children}
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
