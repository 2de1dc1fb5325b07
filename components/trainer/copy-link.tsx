"use client";

import { useState } from "react";

export type CopyLinkProps = { url: string; label: string };

/** The link in a read-only box with a copy button (falls back to selecting it where the clipboard API is off, e.g. plain http on an intranet). */
export function CopyLink({ url, label }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  async function copy(input: HTMLInputElement | null) {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor="one-time-link">
        {label}
      </label>
      <input
        id="one-time-link"
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-lg border border-gray-300 px-3 py-2 font-mono text-xs"
      />
      <button
        type="button"
        onClick={(e) => void copy(e.currentTarget.parentElement?.querySelector("input") ?? null)}
        className="rounded-lg border border-brand-600 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50"
      >
        {copied ? "已复制" : "复制链接"}
      </button>
    </div>
  );
}
