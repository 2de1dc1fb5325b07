"use client";

import { useCallback, useRef, useState } from "react";
import type { Response } from "@/lib/quiz/score";

type PostResult = { ok: boolean; message?: string };

/** POSTs to the attempt API; a 4xx carries a Chinese message in `error`. */
async function post(url: string, body: unknown): Promise<PostResult> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.ok) return { ok: true };
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  return { ok: false, message: data.error ?? `提交失败（${res.status}）` };
}

/** An attempt's autosave and submit, with `status` to show beside the submit button. */
export function useAttemptSaves(attemptId: string) {
  const base = `/api/attempts/${encodeURIComponent(attemptId)}`;
  const [status, setStatus] = useState("");
  const submitting = useRef(false);
  // Saves still in flight; submit waits for them, so a save can never land after the submit
  // (which the server would refuse with 409).
  const inFlight = useRef(new Set<Promise<unknown>>());

  const save = useCallback(
    (versionId: string, response: Response) => {
      setStatus("保存中…");
      if (submitting.current) return; // the submit carries every answer anyway
      const saving = post(`${base}/answers`, { questionVersionId: versionId, response })
        .then((r) => setStatus(r.ok ? "已自动保存" : (r.message ?? "保存失败")))
        .catch(() => setStatus("网络异常：答案会在提交时一并保存"))
        .finally(() => inFlight.current.delete(saving));
      inFlight.current.add(saving);
    },
    [base],
  );

  /** Submits every answer once; null when a submit is already under way (a double click). */
  const submit = useCallback(
    async (answers: Record<string, Response>): Promise<PostResult | null> => {
      if (submitting.current) return null;
      submitting.current = true;
      try {
        await Promise.allSettled([...inFlight.current]);
        return await post(`${base}/submit`, { answers });
      } finally {
        submitting.current = false;
      }
    },
    [base],
  );

  return { status, save, submit };
}
