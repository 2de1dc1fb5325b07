// Spreadsheet exports (progress matrix, attempts, enquiries): one column list, two encodings.
// Excel and WPS on Chinese Windows guess a CSV's encoding as GBK unless it starts with a UTF-8
// BOM, so CSVs carry one; dates go into .xlsx as real dates (not text) so filters and sorts work.
// Cells that start with = + - @ are prefixed with ' so a learner's name or a prospect's message
// can never become a formula in the trainer's spreadsheet (CSV/formula injection).
import ExcelJS from "exceljs";
import { formatDateTime } from "@/lib/format/beijing-time";

export type Column<Row> = {
  header: string;
  value: (row: Row) => string | number | Date | boolean | null | undefined;
  /** Column width in characters (xlsx only). */
  width?: number;
  /** Excel number format, e.g. "0.0%" or "yyyy-mm-dd hh:mm". Dates default to "yyyy-mm-dd hh:mm". */
  format?: string;
};

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type Cell = string | number | Date | boolean | null;

function cellOf<Row>(col: Column<Row>, row: Row): Cell {
  const v = col.value(row);
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return safeText(v);
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

function csvField(v: Cell): string {
  if (v === null) return "";
  const text = v instanceof Date ? formatDateTime(v) : typeof v === "boolean" ? (v ? "是" : "否") : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((c) => csvField(safeText(c.header))).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellOf(c, row))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** One sheet of a workbook: its rows are typed by its own columns. */
export type XlsxSheet = { name: string; addTo: (book: ExcelJS.Workbook) => void };

export function xlsxSheet<Row>(name: string, columns: Column<Row>[], rows: Iterable<Row>): XlsxSheet {
  return {
    name,
    addTo(book) {
      // Sheet names: at most 31 characters, none of : \ / ? * [ ].
      const sheet = book.addWorksheet(name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1", {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = columns.map((c, i) => ({
        key: String(i),
        header: c.header,
        width: c.width ?? Math.max(10, c.header.length * 2 + 2),
        style: c.format ? { numFmt: c.format } : undefined,
      }));
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) {
        const values = columns.map((c, i) => {
          const v = cellOf(c, row);
          // Excel has no time zones: it shows a date's UTC fields. Shift to China time so the
          // trainer sees the same wall-clock time as on the page.
          if (v instanceof Date) {
            if (!c.format) sheet.getColumn(i + 1).numFmt = "yyyy-mm-dd hh:mm";
            return new Date(v.getTime() + 8 * 3600_000);
          }
          return v;
        });
        sheet.addRow(values);
      }
    },
  };
}

/** A workbook of several sheets (the end-of-contract pack). */
export async function toXlsxBook(sheets: XlsxSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "场景化金融生态课程";
  book.created = new Date();
  for (const sheet of sheets) sheet.addTo(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function toXlsx<Row>(sheetName: string, columns: Column<Row>[], rows: Iterable<Row>): Promise<Buffer> {
  return toXlsxBook([xlsxSheet(sheetName, columns, rows)]);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download response with a Chinese file name that every browser keeps (RFC 6266/5987). */
export function downloadResponse(body: Buffer | string, fileName: string, type: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replaceAll('"', "");
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export type ExportFormat = "xlsx" | "csv";

/** The `format` search parameter of an export route; null when it is missing or unknown. */
export function exportFormatOf(search: Record<string, string>): ExportFormat | null {
  return search.format === "csv" || search.format === "xlsx" ? search.format : null;
}

export async function exportResponse<Row>(
  format: ExportFormat,
  baseName: string,
  columns: Column<Row>[],
  rows: Row[],
): Promise<Response> {
  if (format === "csv") return downloadResponse(toCsv(columns, rows), `${baseName}.csv`, "text/csv; charset=utf-8");
  return downloadResponse(await toXlsx(baseName, columns, rows), `${baseName}.xlsx`, XLSX_TYPE);
}
