import type { ExportFormat } from "@/lib/export/tabular";

/** "导出 Excel / 导出 CSV" beside a filter form; `href` builds the download address for a format. */
export function ExportLinks({ href }: { href: (format: ExportFormat) => string }) {
  return (
    <span className="flex gap-3 text-sm">
      <a href={href("xlsx")} className="text-brand-600 hover:underline">
        导出 Excel
      </a>
      <a href={href("csv")} className="text-brand-600 hover:underline">
        导出 CSV
      </a>
    </span>
  );
}
