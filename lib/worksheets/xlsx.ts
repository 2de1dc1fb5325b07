// A worksheet as an .xlsx a learner can fill in on screen or print: the same title, instructions,
// sections, labels and headers as the printable page (one definition, lib/worksheets/definitions.ts),
// with column widths, ruled (bordered) cells sized to the lines a field asks for, and A4 print setup.
import ExcelJS from "exceljs";
import type { Worksheet } from "./definitions";

/** Points per ruled line, roughly a handwritten line on A4. */
const LINE_HEIGHT = 22;
const LABEL_WIDTH = 22;
const thin = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const sectionFill = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFE8EEF8" } };
const headerFill = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF3F4F6" } };

/** Columns the sheet needs: a label column plus the widest table (fields span the rest). */
function columnWidths(w: Worksheet): number[] {
  const widest = w.sections
    .filter((s) => s.kind === "table")
    .reduce<number[]>((best, s) => {
      const widths = s.columns.map((c) => c.width);
      return widths.length > best.length ? widths : best;
    }, []);
  const rest = widest.length >= 3 ? widest : [24, 24, 24];
  const labels = w.sections.flatMap((s) =>
    s.kind === "table" ? [s.rowHeader ?? "", ...s.rows.map((r) => r.label ?? "")] : [],
  );
  // A Chinese character is about two spreadsheet characters wide.
  const labelWidth = Math.max(LABEL_WIDTH, ...labels.map((l) => Math.min(40, l.length * 2 + 2)));
  return [labelWidth, ...rest];
}

export async function worksheetXlsx(w: Worksheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "场景化金融生态课程";
  book.title = w.title;
  const sheet = book.addWorksheet(w.title.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: w.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${w.title}&R第 &P 页，共 &N 页` },
    views: [{ showGridLines: false }],
  });
  const widths = columnWidths(w);
  const last = widths.length;
  sheet.columns = widths.map((width) => ({ width }));

  /** A row whose text spans every column. */
  const wide = (text: string, style: Partial<ExcelJS.Style> = {}, height?: number) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    const cell = row.getCell(1);
    cell.style = { alignment: { wrapText: true, vertical: "middle" }, ...style };
    if (height) row.height = height;
    return row;
  };

  wide(w.title, { font: { bold: true, size: 16 } }, 30);
  for (const text of w.instructions) wide(`· ${text}`, { font: { size: 10, color: { argb: "FF4B5563" } } }, 30);

  for (const s of w.sections) {
    sheet.addRow([]);
    wide(s.title, { font: { bold: true, size: 12 }, fill: sectionFill }, 22);
    if (s.kind === "fields") {
      for (const f of s.fields) {
        const row = sheet.addRow([f.label]);
        sheet.mergeCells(row.number, 2, row.number, last);
        row.height = f.lines * LINE_HEIGHT;
        row.getCell(1).style = { font: { bold: true }, alignment: { wrapText: true, vertical: "top" }, border: box };
        row.getCell(2).style = { alignment: { wrapText: true, vertical: "top" }, border: box };
      }
      continue;
    }
    const offset = s.rowHeader === undefined ? 0 : 1;
    const header = sheet.addRow([...(offset ? [s.rowHeader] : []), ...s.columns.map((c) => c.header)]);
    header.height = 22;
    header.eachCell((cell) => {
      cell.style = {
        font: { bold: true },
        fill: headerFill,
        border: box,
        alignment: { vertical: "middle", wrapText: true },
      };
    });
    for (const r of s.rows) {
      const row = sheet.addRow(offset ? [r.label ?? ""] : []);
      row.height = r.lines * LINE_HEIGHT;
      for (let c = 1; c <= s.columns.length + offset; c++) {
        row.getCell(c).style = {
          font: { bold: offset === 1 && c === 1 },
          alignment: { wrapText: true, vertical: "top" },
          border: box,
        };
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
