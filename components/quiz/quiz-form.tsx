"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { Response } from "@/lib/quiz/score";
import type { PublicQuestion } from "@/lib/quiz/views";

export type QuizFormProps = {
  attemptId: string;
  questions: PublicQuestion[];
  saved: Record<string, Response>;
};

/** POSTs to the attempt API; a 4xx carries a Chinese message in `error`. */
async function post(url: string, body: unknown): Promise<{ ok: boolean; message?: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.ok) return { ok: true };
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  return { ok: false, message: data.error ?? `提交失败（${res.status}）` };
}

const TYPE_HINT: Record<PublicQuestion["type"], string> = {
  single: "单选",
  multiple: "多选：须全部选对才得分",
  truefalse: "判断",
  ordering: "排序：用上下按钮调整顺序",
  numeric: "填写数字",
};

/** Answers are saved as the learner goes (a reload or a lost connection loses nothing); the
 * server scores them on submit. */
export function QuizForm({ attemptId, questions, saved }: QuizFormProps) {
  const base = `/api/attempts/${encodeURIComponent(attemptId)}`;
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, Response>>(() => {
    const initial: Record<string, Response> = { ...saved };
    for (const q of questions) {
      if (q.type === "ordering" && !initial[q.versionId])
        initial[q.versionId] = { type: "ordering", order: q.items.map((i) => i.index) };
    }
    return initial;
  });
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string>("");
  const [pending, startTransition] = useTransition();
  const submitting = useRef(false);
  // Saves still in flight; submit waits for them, so a save can never land after the submit
  // (which the server would refuse with 409).
  const inFlight = useRef(new Set<Promise<unknown>>());

  function update(versionId: string, response: Response, persist = true) {
    setAnswers((prev) => ({ ...prev, [versionId]: response }));
    if (!persist) return;
    setStatus("保存中…");
    if (submitting.current) return; // the submit carries every answer anyway
    const saving = post(`${base}/answers`, { questionVersionId: versionId, response })
      .then((r) => setStatus(r.ok ? "已自动保存" : (r.message ?? "保存失败")))
      .catch(() => setStatus("网络异常：答案会在提交时一并保存"))
      .finally(() => inFlight.current.delete(saving));
    inFlight.current.add(saving);
  }

  function onSubmit() {
    if (submitting.current) return; // a double click submits once
    const unanswered = questions.filter((q) => !answers[q.versionId]).length;
    if (unanswered > 0 && !window.confirm(`还有 ${unanswered} 道题未作答，确定提交吗？`)) return;
    submitting.current = true;
    setError("");
    startTransition(async () => {
      try {
        await Promise.allSettled([...inFlight.current]);
        const r = await post(`${base}/submit`, { answers });
        if (!r.ok) setError(r.message ?? "提交失败，请重试");
        router.refresh();
      } catch {
        setError("网络异常，请重试：答案不会丢失");
      } finally {
        submitting.current = false;
      }
    });
  }

  return (
    <div>
      <ol className="space-y-6">
        {questions.map((q, n) => {
          const a = answers[q.versionId];
          return (
            <li key={q.versionId} className="rounded-lg border border-gray-200 p-4">
              <fieldset>
                <legend className="font-medium text-gray-900">
                  {n + 1}. {q.prompt}
                </legend>
                <p className="mt-1 text-xs text-gray-500">{TYPE_HINT[q.type]}</p>
                <div className="mt-3 space-y-2">
                  {q.type === "single" &&
                    q.choices.map((c) => (
                      <label
                        key={c.id}
                        className="flex cursor-pointer items-start gap-3 rounded border border-gray-200 p-3 hover:bg-brand-50"
                      >
                        <input
                          type="radio"
                          name={q.versionId}
                          checked={a?.type === "single" && a.choice === c.id}
                          onChange={() => update(q.versionId, { type: "single", choice: c.id })}
                          className="mt-1.5"
                        />
                        <span>{c.text}</span>
                      </label>
                    ))}
                  {q.type === "multiple" &&
                    q.choices.map((c) => {
                      const chosen = a?.type === "multiple" ? a.choices : [];
                      return (
                        <label
                          key={c.id}
                          className="flex cursor-pointer items-start gap-3 rounded border border-gray-200 p-3 hover:bg-brand-50"
                        >
                          <input
                            type="checkbox"
                            checked={chosen.includes(c.id)}
                            onChange={(e) =>
                              update(q.versionId, {
                                type: "multiple",
                                choices: e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id),
                              })
                            }
                            className="mt-1.5"
                          />
                          <span>{c.text}</span>
                        </label>
                      );
                    })}
                  {q.type === "truefalse" &&
                    ([true, false] as const).map((v) => (
                      <label
                        key={String(v)}
                        className="mr-3 inline-flex cursor-pointer items-center gap-2 rounded border border-gray-200 px-4 py-2 hover:bg-brand-50"
                      >
                        <input
                          type="radio"
                          name={q.versionId}
                          checked={a?.type === "truefalse" && a.value === v}
                          onChange={() => update(q.versionId, { type: "truefalse", value: v })}
                        />
                        {v ? "正确" : "错误"}
                      </label>
                    ))}
                  {q.type === "ordering" && a?.type === "ordering" && (
                    <ol className="space-y-2">
                      {a.order.map((itemIndex, pos) => {
                        const item = q.items.find((i) => i.index === itemIndex)!;
                        const move = (delta: number) => {
                          const next = [...a.order];
                          [next[pos], next[pos + delta]] = [next[pos + delta]!, next[pos]!];
                          update(q.versionId, { type: "ordering", order: next });
                        };
                        return (
                          <li key={itemIndex} className="flex items-center gap-2 rounded border border-gray-200 p-2">
                            <span className="w-6 text-center text-sm text-gray-500">{pos + 1}</span>
                            <span className="flex-1">{item.text}</span>
                            <button
                              type="button"
                              aria-label={`上移：${item.text}`}
                              disabled={pos === 0}
                              onClick={() => move(-1)}
                              className="rounded border px-2 disabled:opacity-30"
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              aria-label={`下移：${item.text}`}
                              disabled={pos === a.order.length - 1}
                              onClick={() => move(1)}
                              className="rounded border px-2 disabled:opacity-30"
                            >
                              ↓
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                  )}
                  {q.type === "numeric" && (
                    <label className="flex items-center gap-2">
                      <span className="sr-only">答案</span>
                      <input
                        inputMode="decimal"
                        defaultValue={a?.type === "numeric" ? String(a.value) : ""}
                        // Kept in the form on every keystroke, saved to the server when the field is left.
                        onChange={(e) => {
                          const v = Number(e.target.value.trim());
                          if (e.target.value.trim() !== "" && Number.isFinite(v))
                            update(q.versionId, { type: "numeric", value: v }, false);
                        }}
                        onBlur={(e) => {
                          const v = Number(e.target.value.trim());
                          if (e.target.value.trim() !== "" && Number.isFinite(v))
                            update(q.versionId, { type: "numeric", value: v });
                        }}
                        className="w-40 rounded-lg border border-gray-300 px-3 py-2"
                        aria-label={`第 ${n + 1} 题答案`}
                      />
                      <span>{q.unit}</span>
                    </label>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-4 border-t border-gray-200 bg-white py-4">
        <button
          type="button"
          onClick={onSubmit}
          disabled={pending}
          className="rounded-lg bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "提交中…" : "提交答卷"}
        </button>
        <span aria-live="polite" className="text-sm text-gray-500">
          {status}
        </span>
        {error && (
          <span role="alert" className="text-sm text-red-700">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}
