"use client";
// One row's hand mark in the register: 出勤/迟到/请假/缺勤 and a note, saved in place.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/attendance/labels";

export type MarkFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  sessionId: string;
  userId: string;
  learnerName: string;
  status: AttendanceStatus | null;
  note: string | null;
};

export function MarkForm({ action, sessionId, userId, learnerName, status, note }: MarkFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors ? Object.values(state.fieldErrors)[0] : state.ok ? undefined : state.message;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="userId" value={userId} />
      <select
        name="status"
        aria-label={`${learnerName} 的出勤情况`}
        defaultValue={status ?? ""}
        className="rounded border border-gray-300 px-2 py-1"
      >
        <option value="" disabled>
          选择
        </option>
        {(["PRESENT", "LATE", "LEAVE", "ABSENT"] as const).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <input
        name="note"
        aria-label={`${learnerName} 的备注`}
        defaultValue={state.values?.note ?? note ?? ""}
        placeholder="备注（如：病假，已批准）"
        maxLength={200}
        className="w-44 rounded border border-gray-300 px-2 py-1"
      />
      <button
        type="submit"
        disabled={pending}
        aria-label={`登记 ${learnerName}`}
        className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700 disabled:opacity-60"
      >
        登记
      </button>
      {state.ok && (
        <span role="status" className="text-xs text-green-800">
          {state.message}
        </span>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
