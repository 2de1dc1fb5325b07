import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { safeText, toCsv, toXlsx, type Column } from "@/lib/export/tabular";

type Row = { name: string; score: number | null; at: Date };
const columns: Column<Row>[] = [
  { header: "姓名", value: (r) => r.name },
  { header: "得分", value: (r) => r.score },
  { header: "提交时间", value: (r) => r.at },
];
const rows: Row[] = [
  { name: "张三", score: 85, at: new Date("2026-03-01T02:30:00Z") },
  { name: '=HYPERLINK("x"),"李四"', score: null, at: new Date("2026-03-02T16:05:00Z") },
];

describe("toCsv", () => {
  it("starts with a UTF-8 BOM, uses CRLF, quotes and neutralises formulas, writes China time", () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith("\uFEFF姓名,得分,提交时间\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe("张三,85,2026-03-01 10:30");
    expect(lines[2]).toBe(`"'=HYPERLINK(""x""),""李四""",,2026-03-03 00:05`);
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
  });
});

describe("safeText", () => {
  it("prefixes only formula starters", () => {
    expect(safeText("+86 138")).toBe("'+86 138");
    expect(safeText("@x")).toBe("'@x");
    expect(safeText("平安银行")).toBe("平安银行");
  });
});

describe("toXlsx", () => {
  it("reads back with Chinese headers, numbers as numbers and dates as dates", async () => {
    const buf = await toXlsx("进度", columns, rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("进度")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "姓名", "得分", "提交时间"]);
    expect(sheet.getCell("A2").value).toBe("张三");
    expect(sheet.getCell("B2").value).toBe(85);
    const at = sheet.getCell("C2").value;
    expect(at).toBeInstanceOf(Date);
    // Stored as China wall-clock time (Excel has no zones).
    expect((at as Date).toISOString()).toBe("2026-03-01T10:30:00.000Z");
    expect(sheet.getCell("C2").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(sheet.getCell("A3").value).toBe(`'=HYPERLINK("x"),"李四"`);
    expect(sheet.getCell("B3").value).toBeNull();
  });
});
