"use client";

// The pre-test on a phone: plain inputs per question (no answers or explanations reach the
// browser, the pool is the final's), submitted once.
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { ActionState } from "@/lib/actions/validated-action";
import type { PublicQuestion } from "@/lib/quiz/views";

export type PreTestFormProps = {
  preTestId: string;
  questions: PublicQuestion[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export function PreTestForm({ preTestId, questions, action }: PreTestFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.ok) return <FormMessage message={state.message} ok />;
  return (
    <form action={formAction} className="space-y-6">
      <input type="hidden" name="preTestId" value={preTestId} />
      <ol className="space-y-6">
        {questions.map((q, i) => (
          <li key={q.versionId}>
            <fieldset>
              <legend className="font-medium">
                {i + 1}. {q.prompt}
                {q.type === "multiple" && <span className="ml-1 text-sm text-gray-500">（多选）</span>}
              </legend>
              <div className="mt-2 space-y-1.5">
                {(q.type === "single" || q.type === "multiple") &&
                  q.choices.map((c) => (
                    <label
                      key={c.id}
                      className="flex min-h-11 items-center gap-3 rounded-lg border border-gray-300 px-3 py-2"
                    >
                      <input
                        type={q.type === "single" ? "radio" : "checkbox"}
                        name={`q-${q.versionId}`}
                        value={c.id}
                        className="size-5 shrink-0"
                      />
                      {c.text}
                    </label>
                  ))}
                {q.type === "truefalse" &&
                  [
                    ["true", "正确"],
                    ["false", "错误"],
                  ].map(([value, label]) => (
                    <label
                      key={value}
                      className="flex min-h-11 items-center gap-3 rounded-lg border border-gray-300 px-3"
                    >
                      <input type="radio" name={`q-${q.versionId}`} value={value} className="size-5" />
                      {label}
                    </label>
                  ))}
                {q.type === "numeric" && (
                  <label className="flex items-center gap-2">
                    <span className="sr-only">答案</span>
                    <input
                      type="text"
                      inputMode="decimal"
                      name={`q-${q.versionId}`}
                      className="w-40 rounded-lg border border-gray-300 px-3 py-2"
                    />
                    {q.unit}
                  </label>
                )}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <FormMessage message={state.message} ok={state.ok} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
      >
        {pending ? "正在提交…" : "提交训前测验"}
      </button>
    </form>
  );
}
