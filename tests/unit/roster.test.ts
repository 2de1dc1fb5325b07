import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv } from "@/lib/roster/decode";
import { rosterCellMessage, rosterFileMessage } from "@/lib/roster/messages";
import { rosterTemplate } from "@/lib/roster/template";
import { MAX_UPLOAD_BYTES, readRosterUpload } from "@/lib/roster/upload";
import { ROSTER_FIELDS, ROSTER_HEADERS, validateRoster } from "@/lib/roster/validate";
import { readXlsx } from "@/lib/roster/xlsx";

const HEADER = [...ROSTER_HEADERS];
const gbk = (text: string) => {
  // Node can decode GBK but not encode it: these are the GBK bytes of the text below.
  const table: Record<string, number[]> = {
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    王: [0xcd, 0xf5],
    敏: [0xc3, 0xf4],
    工: [0xb9, 0xa4],
    号: [0xba, 0xc5],
  };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe("roster files", () => {
  it("reads UTF-8 with and without a BOM, and GBK", () => {
    const text = "姓名,工号\r\n王敏,10086\r\n";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    expect(decodeCsv(utf8)).toBe(text);
    expect(decodeCsv(gbk(text))).toBe(text);
  });

  it("parses quoted fields with commas, quotes and line breaks, keeping empty lines in place", () => {
    expect(parseCsv('a,"b,c","d""e"\n\n"f\ng",h\n,,\n')).toEqual([
      ["a", "b,c", 'd"e'],
      [""],
      ["f\ng", "h"],
      ["", "", ""],
    ]);
  });

  it("numbers rows as the spreadsheet does, past blank rows and a title row", () => {
    const check = validateRoster([["东方示范银行 2026 年内训名单"], [], HEADER, ["王敏", "1"], [""], ["李雷", "2"]]);
    expect(check.ok && check.rows.map((r) => r.line)).toEqual([4, 6]);
  });

  it("reads number-formatted 工号 and 手机 cells from .xlsx as the digits Excel shows", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("名单");
    sheet.addRow(HEADER);
    const row = sheet.addRow(["王敏", 123, 13800138000, "", "上海分行", "信用卡部", "客户经理"]);
    row.getCell(2).numFmt = "00000";
    row.getCell(3).numFmt = "0";
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const table = await readXlsx(bytes, 10);
    expect(table?.[1]?.slice(0, 3)).toEqual(["王敏", "00123", "13800138000"]);
    const check = validateRoster(table!);
    expect(check.ok && check.rows[0]!.problems).toEqual([]);
    expect(await readXlsx(new TextEncoder().encode("not a zip"), 10)).toBeNull();
  });
});

describe("roster validation", () => {
  it("gives each bad cell its own problem", () => {
    const check = validateRoster([
      HEADER,
      ["", "A1", "13800138000", "", "", "", ""],
      ["李雷", "A1", "1380013800", "bad@", "", "", ""],
      ["韩梅", "", "", "", "x".repeat(51), "", ""],
      ["张三", "A 2", "+86 139-0013-9000", "Z@B.CN", "", "", ""],
    ]);
    if (!check.ok) throw new Error(check.code);
    const messages = check.rows.map((r) => r.problems.map((p) => rosterCellMessage(p.field, p.code)));
    expect(messages).toEqual([
      ["姓名：必填，请填写"],
      ["手机：请填写 11 位中国大陆手机号", "邮箱：邮箱格式不正确", "工号：与文件中前面的行重复"],
      ["分行：内容过长", "工号：工号、手机、邮箱至少填写一项（用于登录）"],
      [],
    ]);
    expect(check.rows[3]!.values).toMatchObject({ employeeNo: "A2", mobile: "13900139000", email: "z@b.cn" });
    expect(check.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  it("refuses a file without the template's headers, or too long", () => {
    expect(validateRoster([])).toEqual({ ok: false, code: "EMPTY" });
    expect(validateRoster([[""], []])).toEqual({ ok: false, code: "EMPTY" });
    expect(validateRoster([HEADER])).toEqual({ ok: false, code: "NO_ROWS" });
    expect(
      validateRoster([
        ["姓名", "工号", "手机号", "电子邮箱", "分行", "部门"],
        ["王敏", "1"],
      ]),
    ).toEqual({
      ok: false,
      code: "MISSING_HEADERS",
      missing: ["岗位"],
    });
    expect(validateRoster([["name", "id"]])).toMatchObject({ code: "MISSING_HEADERS", missing: [...HEADER] });
    expect(validateRoster([HEADER, ...Array.from({ length: 5001 }, () => ["甲", "1"])])).toEqual({
      ok: false,
      code: "TOO_MANY_ROWS",
    });
  });

  it("never crashes: every row of any table is either valid or has problems", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 40 }), { maxLength: 9 }), { maxLength: 30 }), (body) => {
        const check = validateRoster([HEADER, ...body]);
        const filled = body.filter((r) => r.some((c) => c.trim() !== ""));
        if (!check.ok) return check.code === "NO_ROWS" && filled.length === 0;
        expect(check.rows).toHaveLength(filled.length);
        for (const row of check.rows) {
          expect(Object.keys(row.values).sort()).toEqual([...ROSTER_FIELDS].sort());
          if (row.problems.length === 0) {
            expect(row.values.name).not.toBe("");
            expect(row.values.employeeNo || row.values.mobile || row.values.email).not.toBe("");
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe("roster uploads", () => {
  const fileOf = (bytes: Uint8Array<ArrayBuffer> | string, name: string) => new File([bytes], name);

  it("reads the downloaded template back: its headers, text-formatted columns and no rows yet", async () => {
    const bytes = new Uint8Array(await rosterTemplate());
    const table = await readXlsx(bytes, 10);
    expect(table).toEqual([HEADER]);
    expect(await readRosterUpload(fileOf(bytes, "模板.xlsx"))).toEqual({ ok: false, code: "NO_ROWS" });
  });

  it("says what is wrong with a file that is not a roster", async () => {
    const message = async (file: unknown) => {
      const r = await readRosterUpload(file);
      return r.ok ? "ok" : rosterFileMessage(r);
    };
    expect(await message(fileOf("", ""))).toBe("请选择要导入的名单文件");
    expect(await message(fileOf("", "名单.csv"))).toBe("文件是空的");
    expect(await message(fileOf("x", "名单.xls"))).toMatch(/^只能导入 \.xlsx 或 \.csv 文件/);
    expect(await message(fileOf("not a zip", "名单.xlsx"))).toMatch(/^文件无法读取/);
    expect(await message(fileOf(new Uint8Array(MAX_UPLOAD_BYTES + 1), "名单.csv"))).toMatch(/^文件超过 5 MB/);
    expect(await message(fileOf("姓名,工号,手机号码,邮箱,分行,部门\n王敏,1,,,,\n", "名单.csv"))).toBe(
      "第一行缺少表头：岗位。表头须为 姓名、工号、手机、邮箱、分行、支行/部门、岗位（请使用下载的模板）",
    );
  });
});
