"use client";

export type PrintButtonProps = { label?: string };

export function PrintButton({ label = "打印 / 保存为 PDF" }: PrintButtonProps) {
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
