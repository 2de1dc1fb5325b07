"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";

export type UnlockSignInFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  userName: string;
};

/** Shown for an account that many wrong passwords have locked to new devices (decision 0011). */
export function UnlockSignInForm({ action, userId, userName }: UnlockSignInFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-center gap-2">
      <span className="text-xs text-amber-800">多次密码错误，新设备登录已锁定</span>
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`解除 ${userName} 的登录锁定`}
        className="rounded border border-amber-600 px-2 py-1 text-xs text-amber-800 hover:bg-amber-50"
      >
        解除锁定
      </button>
      {state.message ? (
        <span role="status" className="text-xs text-gray-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
