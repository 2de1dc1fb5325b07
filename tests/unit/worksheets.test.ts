import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CAUSES } from "@/lib/exercises/objection-sort";
import { getWorksheet, WORKSHEETS, worksheetLabels } from "@/lib/worksheets/definitions";
import { worksheetXlsx } from "@/lib/worksheets/xlsx";

async function readBack(slug: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await worksheetXlsx(getWorksheet(slug)!)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ""))));
  return { sheet, texts };
}

describe("worksheets", () => {
  it("are the five the course asks for, each with a unique slug and labels", () => {
    expect(WORKSHEETS.map((w) => w.slug)).toEqual([
      "objection-sort",
      "partnership-plan",
      "daily-report",
      "corporate-event",
      "action-plan",
    ]);
    for (const w of WORKSHEETS) expect(worksheetLabels(w).length).toBeGreaterThan(3);
  });

  it("sort objections into the three refusal causes × 商户原话 / 背后的顾虑 / 我的回应", () => {
    const grid = getWorksheet("objection-sort")!.sections.find((s) => s.kind === "table");
    expect(grid?.kind === "table" && grid.rows.map((r) => r.label)).toEqual(Object.values(CAUSES));
    expect(grid?.kind === "table" && grid.columns.map((c) => c.header)).toEqual(["商户原话", "背后的顾虑", "我的回应"]);
  });

  it.each(WORKSHEETS.map((w) => w.slug))(
    "%s: the .xlsx carries the title and every label of the page",
    async (slug) => {
      const w = getWorksheet(slug)!;
      const { sheet, texts } = await readBack(slug);
      expect(sheet.getCell("A1").value).toBe(w.title);
      for (const label of worksheetLabels(w)) expect(texts).toContain(label);
      for (const text of w.instructions) expect(texts).toContain(`· ${text}`);
    },
  );

  it("sets A4 print-up in the worksheet's orientation, fitted to the page width", async () => {
    const { sheet } = await readBack("objection-sort");
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 });
    const { sheet: portrait } = await readBack("daily-report");
    expect(portrait.pageSetup.orientation).toBe("portrait");
    expect(portrait.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });
});
