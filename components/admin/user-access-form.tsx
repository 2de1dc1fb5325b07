"use client";

import { useActionState, useRef } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { PICKABLE_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserAccessFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  role: Role;
  disabled: boolean;
  self: boolean;
  /** Named in the confirmation, so the admin sees whom they are about to lock out. */
  userName: string;
};

export function UserAccessForm({ action, userId, role, disabled, self, userName }: UserAccessFormProps) {
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
          defaultValue={role === "CLIENT_ADMIN" ? "" : role}
          className="rounded border border-gray-300 px-2 py-1 text-sm"
        >
          {/* A client admin is made on the organisation's page; here it can only be changed away. */}
          {role === "CLIENT_ADMIN" && (
            <option value="" disabled>
              {ROLE_LABELS.CLIENT_ADMIN}
            </option>
          )}
          {PICKABLE_ROLES.map((v) => (
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
      {disabled ? (
        <form action={formAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value="false" />
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-green-600 px-2 py-1 text-sm text-green-700"
          >
            启用
          </button>
        </form>
      ) : (
        <DisableConfirm formAction={formAction} userId={userId} userName={userName} pending={pending} />
      )}
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

type DisableConfirmProps = {
  formAction: (form: FormData) => void;
  userId: string;
  userName: string;
  pending: boolean;
};

// 停用 signs the person out everywhere and locks them out, so it takes two steps. A <details>
// disclosure holds the real submit button: it opens without JavaScript, so the confirmation is
// there before hydration too (and the form posts as a plain form then). 取消 closes it.
function DisableConfirm({ formAction, userId, userName, pending }: DisableConfirmProps) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={details} className="group">
      <summary className="cursor-pointer list-none rounded border border-red-600 px-2 py-1 text-sm text-red-700 group-open:bg-red-50">
        停用
      </summary>
      <form action={formAction} className="mt-2 rounded border border-red-200 bg-red-50 p-3 text-sm">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value="true" />
        <p className="text-red-900">确定停用“{userName}”？停用后该用户会立即退出登录，且不能再登录，直到重新启用。</p>
        <div className="mt-2 flex gap-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
          >
            确认停用
          </button>
          <button
            type="button"
            onClick={() => {
              if (details.current) details.current.open = false;
            }}
            className="rounded border border-gray-300 bg-white px-3 py-1"
          >
            取消
          </button>
        </div>
      </form>
    </details>
  );
}
