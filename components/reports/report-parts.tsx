// Small pieces the 结项报告's sections share: a section with its print header, a chart drawn on
// the server as SVG, key figures, and a plain table.
import type { ReactNode } from "react";
import { renderChartSvg } from "@/lib/reports/chart-svg";

export type ReportSectionProps = {
  id: string;
  title: string;
  /** "课程 · 银行 · 班级": printed above each section, since each starts a new A4 page. */
  runningHeader: string;
  children: ReactNode;
};

export function ReportSection({ id, title, runningHeader, children }: ReportSectionProps) {
  return (
    <section className="report-section mt-10" aria-labelledby={id}>
      <p className="report-running-header hidden text-xs text-gray-500 print:block">{runningHeader}</p>
      <h2 id={id} className="border-b border-brand-200 pb-1 text-xl font-semibold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export type ReportChartProps = { option: object; label: string; height?: number };

/** The chart as inline SVG from the same ECharts setup as the dashboards: printable, no script. */
export function ReportChart({ option, label, height = 260 }: ReportChartProps) {
  const svg = renderChartSvg(option, 680, height);
  return (
    <figure
      role="img"
      aria-label={label}
      className="report-chart mt-3 [&>svg]:h-auto [&>svg]:w-full"
      // ECharts writes the SVG and escapes every label in it (lib/reports/chart-svg.ts).
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

export type KeyFiguresProps = { items: { label: string; value: string; note?: string }[] };

export function KeyFigures({ items }: KeyFiguresProps) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="rounded-lg border border-gray-200 p-3">
          <dt className="text-xs text-gray-600">{i.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-brand-900">{i.value}</dd>
          {i.note && <dd className="text-xs text-gray-500">{i.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

export type ReportTableProps = { caption: string; head: string[]; rows: (string | number)[][] };

export function ReportTable({ caption, head, rows }: ReportTableProps) {
  return (
    <div tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="report-table w-full text-left text-sm">
        <caption className="mb-1 text-left text-sm font-medium text-gray-700">{caption}</caption>
        <thead className="border-b border-gray-300 text-gray-600">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="py-1.5 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-gray-100">
              {r.map((c, j) => (
                <td key={j} className={`py-1.5 pr-3 ${typeof c === "number" ? "tabular-nums" : ""}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="mt-3 text-sm text-gray-600">{children}</p>;
}
