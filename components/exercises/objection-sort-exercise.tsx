"use client";

import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import {
  CAUSES,
  gradeObjectionSort,
  OBJECTIONS_IN_ORDER,
  SORT_EMPTY_PROMPT,
  type Cause,
  type SortAnswer,
} from "@/lib/exercises/objection-sort";

type Graded = ReturnType<typeof gradeObjectionSort>;

export function ObjectionSortExercise() {
  const [answer, setAnswer] = useState<SortAnswer>({});
  const [graded, setGraded] = useState<Graded | null>(null);
  const [prompt, setPrompt] = useState<string | null>(null);
  // A check before the page is interactive would do nothing: the button waits for it.
  const hydrated = useHydrated();

  // Checking with nothing chosen asks for an answer and shows no verdict at all.
  function check() {
    const result = gradeObjectionSort(answer);
    setGraded(result.answered > 0 ? result : null);
    setPrompt(result.answered > 0 ? null : SORT_EMPTY_PROMPT);
  }

  return (
    <div>
      <ol className="space-y-5">
        {OBJECTIONS_IN_ORDER.map((o, i) => {
          const feedback = graded?.items.find((it) => it.id === o.id);
          return (
            <li key={o.id} className="rounded-lg border border-gray-200 p-4">
              <fieldset>
                <legend className="font-medium text-gray-900">
                  {i + 1}. 商户说：“{o.text}”
                </legend>
                <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
                  {(Object.keys(CAUSES) as Cause[]).map((c) => (
                    <label
                      key={c}
                      className="flex cursor-pointer items-center gap-2 rounded border border-gray-200 px-3 py-2 hover:bg-brand-50"
                    >
                      <input
                        type="radio"
                        name={o.id}
                        value={c}
                        checked={answer[o.id] === c}
                        onChange={() => {
                          setAnswer({ ...answer, [o.id]: c });
                          setPrompt(null);
                        }}
                      />
                      {CAUSES[c]}
                    </label>
                  ))}
                </div>
              </fieldset>
              {feedback && (
                <p
                  role="status"
                  className={`mt-3 rounded p-3 text-sm ${feedback.correct ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
                >
                  {feedback.message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          disabled={!hydrated}
          onClick={check}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          检查答案
        </button>
        <button
          type="button"
          onClick={() => {
            setAnswer({});
            setGraded(null);
            setPrompt(null);
          }}
          className="rounded-lg border border-gray-300 px-5 py-2.5"
        >
          重新开始
        </button>
        <p aria-live="polite" className="font-semibold text-brand-900">
          {graded && `答对 ${graded.correct} / ${graded.total}`}
        </p>
        <p role="alert" className="basis-full text-sm font-semibold text-amber-800 empty:hidden">
          {prompt}
        </p>
      </div>
    </div>
  );
}
