"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { isSameResponse, responseFromInputs } from "@/lib/quiz/response-from-inputs";
import type { Response } from "@/lib/quiz/score";
import type { PublicQuestion } from "@/lib/quiz/views";
import { ExamTimer } from "./exam-timer";
import { useAttemptSaves } from "./use-attempt-saves";

export type QuizFormProps = {
  attemptId: string;
  questions: PublicQuestion[];
  saved: Record<string, Response>;
  /** A timed attempt: milliseconds to the server's deadline when the page was rendered. */
  remainingMs?: number | null;
};

const TYPE_HINT: Record<PublicQuestion["type"], string> = {
  single: "单选",
  multiple: "多选：须全部选对才得分",
  truefalse: "判断",
  ordering: "排序：用上下按钮调整顺序",
  numeric: "填写数字",
};

/** The question's inputs inside `root` (a question's fieldset, or the whole form). */
function inputsOf(root: ParentNode | null, q: PublicQuestion) {
  return [...(root?.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(q.versionId)}"]`) ?? [])];
}

/** Answers are saved as the learner goes (a reload or a lost connection loses nothing); the
 * server scores them on submit. Choices and numbers are plain inputs, usable before the page is
 * interactive; what the learner does to them then is adopted once it is (see the layout effect). */
export function QuizForm({ attemptId, questions, saved, remainingMs = null }: QuizFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useRef<HTMLDivElement>(null);
  const [answers, setAnswers] = useState<Record<string, Response>>(() => {
    const initial: Record<string, Response> = { ...saved };
    for (const q of questions) {
      if (q.type === "ordering" && !initial[q.versionId])
        initial[q.versionId] = { type: "ordering", order: q.items.map((i) => i.index) };
    }
    return initial;
  });
  const [error, setError] = useState<string>("");
  const [pending, startTransition] = useTransition();
  const { status, save, submit } = useAttemptSaves(attemptId);

  function record(versionId: string, response: Response, persist = true) {
    setAnswers((prev) => ({ ...prev, [versionId]: response }));
    if (persist) save(versionId, response);
  }

  /** Records what the question's inputs show: the answer is what the learner sees chosen (for a
   * multiple-choice question, every box shown ticked, whatever state says). */
  function recordInputs(q: PublicQuestion, input: HTMLInputElement, persist = true) {
    const response = responseFromInputs(q, inputsOf(input.closest("fieldset"), q));
    if (response) record(q.versionId, response, persist);
  }

  function move(versionId: string, order: number[], pos: number, delta: number) {
    const next = [...order];
    [next[pos], next[pos + delta]] = [next[pos + delta]!, next[pos]!];
    record(versionId, { type: "ordering", order: next });
  }

  // A click before hydration changes an input but reaches no handler; React then hydrates the
  // input as the learner left it while state still holds the server's answers, and the next render
  // would undo the click (or, for an untouched radio, submit it as 未作答). So whatever the inputs
  // show that state does not is the learner's doing: adopt it and save it. A layout effect, so this
  // runs in the hydration commit itself, before a later click can re-render from the old state;
  // after that React keeps inputs and state equal and this finds nothing to do.
  useLayoutEffect(() => {
    const shown = questions.flatMap((q) => {
      const response = responseFromInputs(q, inputsOf(form.current, q));
      return response && !isSameResponse(response, answers[q.versionId]) ? [[q.versionId, response] as const] : [];
    });
    if (shown.length === 0) return;
    setAnswers((prev) => ({ ...prev, ...Object.fromEntries(shown) }));
    for (const [versionId, response] of shown) save(versionId, response);
  }, [questions, answers, save]);

  // Each time the page is hidden (tab or app switch, screen off, leaving) the server counts it on
  // the attempt for the trainer; once per hide, however many events the browser fires.
  useEffect(() => {
    let reported = false;
    const report = () => {
      if (reported) return;
      reported = true;
      navigator.sendBeacon?.(`/api/attempts/${encodeURIComponent(attemptId)}/visibility`);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") report();
      else reported = false;
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", report);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", report);
    };
  }, [attemptId]);

  // Time is up: hand in what is on the page without asking (the server takes it within its grace,
  // and otherwise scores what was autosaved).
  const answersRef = useRef(answers);
  useEffect(() => {
    answersRef.current = answers;
  }, [answers]);
  const onExpire = useCallback(() => {
    setError("");
    startTransition(async () => {
      try {
        const r = await submit(answersRef.current);
        if (r && !r.ok) setError(r.message ?? "时间到，已按自动保存的答案交卷");
        router.refresh();
      } catch {
        setError("网络异常：时间已到，服务器会按自动保存的答案交卷");
      }
    });
  }, [router, submit]);

  function onSubmit() {
    if (pending) return; // a double click submits once
    const unanswered = questions.filter((q) => !answers[q.versionId]).length;
    if (unanswered > 0 && !window.confirm(`还有 ${unanswered} 道题未作答，确定提交吗？`)) return;
    setError("");
    startTransition(async () => {
      try {
        const r = await submit(answers);
        if (r === null) return;
        if (!r.ok) setError(r.message ?? "提交失败，请重试");
        // The result page focuses its score when the address ends in #score.
        else window.history.replaceState(null, "", "#score");
        router.refresh();
      } catch {
        setError("网络异常，请重试：答案不会丢失");
      }
    });
  }

  return (
    <div ref={form}>
      {remainingMs !== null && <ExamTimer remainingMs={remainingMs} onExpire={onExpire} />}
      <ol className="mt-4 space-y-6">
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
                          value={c.id}
                          checked={a?.type === "single" && a.choice === c.id}
                          onChange={(e) => recordInputs(q, e.currentTarget)}
                          className="mt-1.5"
                        />
                        <span>{c.text}</span>
                      </label>
                    ))}
                  {q.type === "multiple" &&
                    q.choices.map((c) => (
                      <label
                        key={c.id}
                        className="flex cursor-pointer items-start gap-3 rounded border border-gray-200 p-3 hover:bg-brand-50"
                      >
                        <input
                          type="checkbox"
                          name={q.versionId}
                          value={c.id}
                          checked={a?.type === "multiple" && a.choices.includes(c.id)}
                          // Read from the boxes, not from state: the answer is every box shown ticked.
                          onChange={(e) => recordInputs(q, e.currentTarget)}
                          className="mt-1.5"
                        />
                        <span>{c.text}</span>
                      </label>
                    ))}
                  {q.type === "truefalse" &&
                    ([true, false] as const).map((v) => (
                      <label
                        key={String(v)}
                        className="mr-3 inline-flex cursor-pointer items-center gap-2 rounded border border-gray-200 px-4 py-2 hover:bg-brand-50"
                      >
                        <input
                          type="radio"
                          name={q.versionId}
                          value={String(v)}
                          checked={a?.type === "truefalse" && a.value === v}
                          onChange={(e) => recordInputs(q, e.currentTarget)}
                        />
                        {v ? "正确" : "错误"}
                      </label>
                    ))}
                  {q.type === "ordering" && a?.type === "ordering" && (
                    <ol className="space-y-2">
                      {a.order.map((itemIndex, pos) => {
                        const item = q.items.find((i) => i.index === itemIndex)!;
                        return (
                          <li key={itemIndex} className="flex items-center gap-2 rounded border border-gray-200 p-2">
                            <span className="w-6 text-center text-sm text-gray-500">{pos + 1}</span>
                            <span className="flex-1">{item.text}</span>
                            {/* Buttons do nothing until the page is interactive, so until then they say so by being disabled. */}
                            <button
                              type="button"
                              aria-label={`上移：${item.text}`}
                              disabled={!hydrated || pos === 0}
                              onClick={() => move(q.versionId, a.order, pos, -1)}
                              className="rounded border px-2 disabled:opacity-30"
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              aria-label={`下移：${item.text}`}
                              disabled={!hydrated || pos === a.order.length - 1}
                              onClick={() => move(q.versionId, a.order, pos, 1)}
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
                        name={q.versionId}
                        inputMode="decimal"
                        defaultValue={a?.type === "numeric" ? String(a.value) : ""}
                        // Kept in the form on every keystroke, saved to the server when the field is left.
                        onChange={(e) => recordInputs(q, e.currentTarget, false)}
                        onBlur={(e) => recordInputs(q, e.currentTarget)}
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
          disabled={!hydrated || pending}
          className="rounded-lg bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {!hydrated ? "加载中…" : pending ? "提交中…" : "提交答卷"}
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
