"use client";

import { useState } from "react";
import type { Response } from "@/lib/quiz/score";
import type { PublicQuestion } from "@/lib/quiz/views";

type Check = { ok: true; correct: boolean; rightAnswer: string; explanation: string } | { ok: false; message: string };

export type PracticeQuestionProps = {
  question: PublicQuestion;
  check: (versionId: string, response: Response) => Promise<Check>;
};

/** Try a missed question again. Practice only: nothing is recorded. */
export function PracticeQuestion({ question: q, check }: PracticeQuestionProps) {
  const [response, setResponse] = useState<Response | undefined>(
    q.type === "ordering" ? { type: "ordering", order: q.items.map((i) => i.index) } : undefined,
  );
  const [result, setResult] = useState<Check | null>(null);

  return (
    <div className="mt-3">
      <div className="space-y-2">
        {(q.type === "single" || q.type === "multiple") &&
          q.choices.map((c) => {
            const chosen =
              response?.type === "multiple" ? response.choices : response?.type === "single" ? [response.choice] : [];
            return (
              <label
                key={c.id}
                className="flex cursor-pointer items-start gap-3 rounded border border-gray-200 p-2 hover:bg-brand-50"
              >
                <input
                  type={q.type === "single" ? "radio" : "checkbox"}
                  name={`practice-${q.versionId}`}
                  checked={chosen.includes(c.id)}
                  onChange={(e) =>
                    setResponse(
                      q.type === "single"
                        ? { type: "single", choice: c.id }
                        : {
                            type: "multiple",
                            choices: e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id),
                          },
                    )
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
              className="mr-3 inline-flex items-center gap-2 rounded border border-gray-200 px-3 py-1.5"
            >
              <input
                type="radio"
                name={`practice-${q.versionId}`}
                checked={response?.type === "truefalse" && response.value === v}
                onChange={() => setResponse({ type: "truefalse", value: v })}
              />
              {v ? "正确" : "错误"}
            </label>
          ))}
        {q.type === "ordering" && response?.type === "ordering" && (
          <ol className="space-y-1">
            {response.order.map((idx, pos) => {
              const item = q.items.find((i) => i.index === idx)!;
              const move = (d: number) => {
                const next = [...response.order];
                [next[pos], next[pos + d]] = [next[pos + d]!, next[pos]!];
                setResponse({ type: "ordering", order: next });
              };
              return (
                <li key={idx} className="flex items-center gap-2 rounded border border-gray-200 p-1.5">
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
                    disabled={pos === response.order.length - 1}
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
            <input
              inputMode="decimal"
              aria-label="答案"
              onChange={(e) => {
                const v = Number(e.target.value.trim());
                setResponse(
                  e.target.value.trim() !== "" && Number.isFinite(v) ? { type: "numeric", value: v } : undefined,
                );
              }}
              className="w-40 rounded border border-gray-300 px-3 py-1.5"
            />
            {q.unit}
          </label>
        )}
      </div>
      <button
        type="button"
        disabled={!response}
        onClick={async () => response && setResult(await check(q.versionId, response))}
        className="mt-3 rounded-lg border border-brand-600 px-4 py-1.5 text-sm font-semibold text-brand-700 disabled:opacity-40"
      >
        再试一次(练习,不计成绩)
      </button>
      {result && (
        <div
          role="status"
          className={`mt-3 rounded p-3 text-sm ${result.ok && result.correct ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
        >
          {result.ok ? (
            <>
              <p className="font-semibold">{result.correct ? "答对了!" : "还不对。"}</p>
              <p className="mt-1">正确答案：{result.rightAnswer}</p>
              <p className="mt-1">{result.explanation}</p>
            </>
          ) : (
            result.message
          )}
        </div>
      )}
    </div>
  );
}
