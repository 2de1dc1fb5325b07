"use client";

import Link from "@/components/link";
import { useEffect, useState } from "react";
import { inOwnTask } from "@/components/in-own-task";

export type LessonProgressProps = {
  moduleSlug: string;
  lessonSlug: string;
  markDone: (m: string, l: string) => Promise<{ ok: boolean; message?: string }>;
};

/** "标记为已学完" at the end of a lesson. Loads after the (static, shared) page. */
export function LessonProgress({ moduleSlug, lessonSlug, markDone }: LessonProgressProps) {
  const [state, setState] = useState<{ signedIn: boolean; done: boolean } | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ module: moduleSlug, lesson: lessonSlug });
    const cancel = inOwnTask(() =>
      fetch(`/api/me/lesson-status?${query}`, { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<{ signedIn: boolean; done: boolean }>) : null))
        .then((s) => live && setState(s))
        .catch(() => live && setState(null)),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [moduleSlug, lessonSlug]);

  if (!state) return null;
  if (!state.signedIn) {
    return (
      <p className="mt-8 rounded-lg bg-gray-50 p-4 text-sm text-gray-600">
        <Link href={`/login?next=/course/${moduleSlug}/${lessonSlug}`} className="text-brand-600 underline">
          登录
        </Link>
        后可记录学习进度。
      </p>
    );
  }
  return (
    <div className="mt-8 flex items-center gap-3">
      {state.done ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-2 font-medium text-green-800">
          ✓ 本节已学完
        </p>
      ) : (
        <button
          type="button"
          onClick={async () => {
            const r = await markDone(moduleSlug, lessonSlug);
            if (r.ok) setState({ signedIn: true, done: true });
            else setError(r.message ?? "保存失败");
          }}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          标记为已学完
        </button>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
