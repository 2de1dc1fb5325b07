// The first worksheet of an uploaded .xlsx as rows of text. Excel stores a 工号 or 手机 typed
// into a number-formatted cell as a number (13800138000, or 123 shown as "00123" by a "00000"
// format): numbers come back as the digits shown, never "1.38E+10".
import ExcelJS from "exceljs";

function numberText(value: number, numFmt: string | undefined): string {
  const digits = Number.isInteger(value) ? BigInt(value).toString() : String(value);
  // A format of zeros only ("00000") pads with leading zeros, as Excel shows it.
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value)) return digits.padStart(numFmt.length, "0");
  return digits;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberText(v, cell.numFmt);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v) return String(v.text);
  if ("result" in v) {
    const r = v.result;
    if (typeof r === "number") return numberText(r, cell.numFmt);
    return r === undefined || r === null || typeof r === "object" ? "" : String(r);
  }
  return "";
}

/**
 * rows[i] is spreadsheet row i + 1; blank rows are holes in the (sparse) array, so a stray cell far
 * down costs nothing. null when the bytes are not an .xlsx.
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<string[][] | null> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  let filled = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (filled > maxRows) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 7); c++) cells.push(cellText(row.getCell(c)));
    if (cells.every((t) => t.trim() === "")) return;
    rows[rowNumber - 1] = cells;
    filled++;
  });
  return rows;
}
