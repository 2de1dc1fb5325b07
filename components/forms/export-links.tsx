import { DownloadLink } from "@/components/wechat/download-link";
import type { ExportFormat } from "@/lib/export/tabular";

/** "导出 Excel / 导出 CSV" beside a filter form; `href` builds the download address for a format. */
export function ExportLinks({ href }: { href: (format: ExportFormat) => string }) {
  return (
    <span className="flex gap-3 text-sm">
      <DownloadLink href={href("xlsx")} className="text-brand-600 hover:underline">
        导出 Excel
      </DownloadLink>
      <DownloadLink href={href("csv")} className="text-brand-600 hover:underline">
        导出 CSV
      </DownloadLink>
    </span>
  );
}
