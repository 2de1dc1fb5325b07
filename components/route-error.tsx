"use client";

import Link from "@/components/link";

export type RouteErrorProps = {
  error: Error & { digest?: string };
  /** Next's boundary reset: renders the segment again. */
  reset: () => void;
};

type RouteErrorViewProps = RouteErrorProps & {
  /** Where "back" goes for this part of the site (the course, the trainer's or admin's home). */
  back?: { href: string; label: string };
};

// What every error.tsx shows: a plain Chinese explanation, 重试 (which re-renders the segment,
// enough for a passing network or database hiccup) and a way out. The error's message is not
// shown — it may be technical or carry server details — only Next's digest, which matches the
// server log line, so support can find it.
export function RouteErrorView({ error, reset, back }: RouteErrorViewProps) {
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">页面出错了</h1>
      <p className="mt-3 text-gray-600">加载这个页面时出现了问题。请稍后点击“重试”；如果一直出错，请联系培训管理员。</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-gray-500">错误编号 {error.digest}</p>}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          重试
        </button>
        {back && (
          <Link
            href={back.href}
            className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700"
          >
            {back.label}
          </Link>
        )}
        <Link href="/" className="rounded-lg border border-gray-300 px-5 py-2.5 font-semibold text-gray-700">
          回到首页
        </Link>
      </div>
    </div>
  );
}
