"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { ActionState } from "@/lib/actions/validated-action";

export type StartPreTestButtonProps = {
  preTestId: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export function StartPreTestButton({ preTestId, action }: StartPreTestButtonProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="preTestId" value={preTestId} />
      {!state.ok && <FormMessage message={state.message} />}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
      >
        开始训前测验
      </button>
    </form>
  );
}
