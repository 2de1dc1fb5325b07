"use client";
// Deleting a prospect's personal data on request. A tick box guards it: it cannot be undone.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { FormMessage } from "@/components/forms/field";

export type EraseFormProps = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; enquiryId: string };

export function EraseForm({ action, enquiryId }: EraseFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2" aria-label="删除个人信息">
      <FormMessage message={state.fieldErrors?.confirm ?? state.message} />
      <input type="hidden" name="enquiryId" value={enquiryId} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-1 h-4 w-4" />
        <span>
          确认按对方要求删除其个人信息（姓名、单位、联系方式、留言和跟进备注）。删除后无法恢复，只保留匿名计数。
        </span>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-red-600 px-4 py-2 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        删除个人信息
      </button>
    </form>
  );
}
