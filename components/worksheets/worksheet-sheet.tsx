// A worksheet as a printable page: on screen it fits any width (down to a 360 px phone); printed
// it fills an A4 sheet (app/globals.css: named @page per orientation, no site chrome), every field
// a box of ruled lines. The ruling is borders, not background images, so it prints by default.
import type { Worksheet, WorksheetSection } from "@/lib/worksheets/definitions";

function RuledLines({ lines }: { lines: number }) {
  return (
    <div aria-hidden>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-8 border-b border-dotted border-gray-400 last:border-b-0" />
      ))}
    </div>
  );
}

function Section({ section }: { section: WorksheetSection }) {
  if (section.kind === "fields") {
    const short = section.fields.every((f) => f.lines === 1);
    return (
      <section className="worksheet-section mt-5">
        <h2 className="border-b-2 border-brand-700 pb-1 text-base font-semibold text-brand-900">{section.title}</h2>
        <div className={`mt-2 grid gap-2 ${short ? "grid-cols-1 sm:grid-cols-3 print:grid-cols-3" : "grid-cols-1"}`}>
          {section.fields.map((f) => (
            <div key={f.label} className="rounded border border-gray-500 px-2 pt-1">
              <p className="text-xs font-semibold text-gray-700">{f.label}</p>
              <RuledLines lines={f.lines} />
            </div>
          ))}
        </div>
      </section>
    );
  }
  const total = section.columns.reduce((n, c) => n + c.width, 0) + (section.rowHeader ? 14 : 0);
  const pct = (w: number) => `${((w / total) * 100).toFixed(1)}%`;
  return (
    <section className="worksheet-section mt-5">
      <h2 className="border-b-2 border-brand-700 pb-1 text-base font-semibold text-brand-900">{section.title}</h2>
      <table className="mt-2 w-full table-fixed border-collapse text-xs">
        <colgroup>
          {section.rowHeader && <col style={{ width: pct(14) }} />}
          {section.columns.map((c) => (
            <col key={c.header} style={{ width: pct(c.width) }} />
          ))}
        </colgroup>
        <thead>
          <tr className="bg-gray-100">
            {section.rowHeader && (
              <th scope="col" className="break-words border border-gray-500 px-1 py-1 text-left">
                {section.rowHeader}
              </th>
            )}
            {section.columns.map((c) => (
              <th key={c.header} scope="col" className="break-words border border-gray-500 px-1 py-1 text-left">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.map((r, i) => (
            <tr key={r.label ?? i}>
              {section.rowHeader && (
                <th
                  scope="row"
                  className="break-words border border-gray-500 px-1 py-1 text-left align-top font-semibold"
                >
                  {r.label}
                </th>
              )}
              {section.columns.map((c) => (
                <td key={c.header} className="border border-gray-500 px-1 align-top">
                  <RuledLines lines={r.lines} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export type WorksheetSheetProps = { worksheet: Worksheet };

export function WorksheetSheet({ worksheet }: WorksheetSheetProps) {
  return (
    <div className={`worksheet worksheet-${worksheet.orientation}`}>
      <h1 className="text-xl font-bold text-brand-900 sm:text-2xl">{worksheet.title}</h1>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-gray-700">
        {worksheet.instructions.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {worksheet.sections.map((s) => (
        <Section key={s.title} section={s} />
      ))}
    </div>
  );
}
