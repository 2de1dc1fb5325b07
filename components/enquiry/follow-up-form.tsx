"use client";
// Follow-up on one enquiry: change its status and/or add a note (both recorded with who and when).
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { FormMessage } from "@/components/forms/field";

export type FollowUpFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  enquiryId: string;
  status: string;
  statuses: { value: string; label: string }[];
};

export function FollowUpForm({ action, enquiryId, status, statuses }: FollowUpFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" aria-label="跟进">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="enquiryId" value={enquiryId} />
      {/* What this page showed: the status changes only if the trainer picks another one. */}
      <input type="hidden" name="seenStatus" value={status} />
      <label className="block text-sm font-medium">
        状态
        <select
          name="status"
          defaultValue={status}
          key={`${status}-${state.ok ? "saved" : ""}`}
          className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2"
        >
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        跟进备注
        <textarea
          name="note"
          rows={3}
          maxLength={1000}
          key={state.ok ? "saved" : "editing"}
          defaultValue={state.ok ? "" : state.values?.note}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2"
          placeholder="如：已电话联系，约下周演示"
        />
      </label>
      {state.fieldErrors?.note ? <p className="text-sm text-red-700">{state.fieldErrors.note}</p> : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "保存中…" : "保存跟进"}
      </button>
    </form>
  );
}
