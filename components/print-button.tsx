"use client";
import { OpenInBrowserHint } from "@/components/wechat/download-link";
import { useInWeChat } from "@/components/wechat/use-in-wechat";

export type PrintButtonProps = { label?: string };

/** window.print() does nothing in WeChat's browser: there, the way to a real browser instead. */
export function PrintButton({ label = "打印 / 保存为 PDF" }: PrintButtonProps) {
  if (useInWeChat()) return <OpenInBrowserHint label={label} to="print" />;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
    >
      {label}
    </button>
  );
}
