"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

export type UserAccessFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  role: "LEARNER" | "TRAINER" | "ADMIN";
  disabled: boolean;
  self: boolean;
};

export function UserAccessForm({ action, userId, role, disabled, self }: UserAccessFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  if (self) return <span className="text-xs text-gray-500">（当前账号）</span>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={formAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          角色
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded border border-gray-300 px-2 py-1 text-sm"
        >
          {ROLES.map((v) => (
            <option key={v} value={v}>
              {ROLE_LABELS[v]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-gray-300 px-2 py-1 text-sm hover:bg-gray-50"
        >
          保存角色
        </button>
      </form>
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-2 py-1 text-sm ${disabled ? "border border-green-600 text-green-700" : "border border-red-600 text-red-700"}`}
        >
          {disabled ? "启用" : "停用"}
        </button>
      </form>
      {state.message && (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}
        >
          {state.message}
        </span>
      )}
    </div>
  );
}
