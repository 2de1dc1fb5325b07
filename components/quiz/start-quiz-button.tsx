"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

export type StartQuizButtonProps = { quizId: string; label: string };

/** Starts (or resumes) an attempt through the API and opens it; a refusal (e.g. no attempts
 * left, 409) is shown as the API's Chinese message. */
export function StartQuizButton({ quizId, label }: StartQuizButtonProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  // A click before the page is interactive would do nothing: the button says so and waits.
  const hydrated = useHydrated();
  return (
    <div>
      <button
        type="button"
        disabled={pending || !hydrated}
        onClick={async () => {
          setPending(true);
          setError("");
          try {
            const res = await fetch(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, { method: "POST" });
            const data = (await res.json().catch(() => ({}))) as { attemptId?: string; error?: string };
            if (res.ok && data.attemptId) router.push(`/quiz/attempt/${data.attemptId}`);
            else setError(data.error ?? `无法开始测验（${res.status}）`);
          } catch {
            setError("网络异常，请重试");
          } finally {
            setPending(false);
          }
        }}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {!hydrated ? "加载中…" : pending ? "请稍候…" : label}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
