// The roster template a trainer downloads and hands to the bank: the seven headers on the first
// sheet, every column formatted as text (so Excel keeps a 工号's leading zeros and never shows a
// 手机 as 1.38E+10), and the rules on a second sheet 填写说明. No example rows on the first sheet:
// a forgotten example would be imported as a person.
import ExcelJS from "exceljs";
import { MAX_ROSTER_ROWS, ROSTER_HEADERS } from "./validate";

export const ROSTER_SHEET = "学员名单";
export const RULES_SHEET = "填写说明";

const RULES: [string, string, string][] = [
  ["姓名", "必填", "不超过 50 个字"],
  ["工号", "工号、手机、邮箱至少填一项", "同一文件中不能重复；字母、数字、- 和 _，不超过 32 位；学员可用工号登录"],
  ["手机", "工号、手机、邮箱至少填一项", "11 位中国大陆手机号，同一文件中不能重复；学员可用手机号登录"],
  ["邮箱", "选填", "每个邮箱只能对应一个账号"],
  ["分行", "选填", "用于按分行统计，请统一写法（如“上海分行”）"],
  ["支行/部门", "选填", "用于按部门统计"],
  ["岗位", "选填", ""],
];

const NOTES = [
  "第一行是表头，请勿修改或删除；可以调整列的顺序，其他列会被忽略。",
  `一次最多导入 ${MAX_ROSTER_ROWS} 行；也可另存为 CSV（UTF-8 或 GBK 均可）后上传。`,
  "贵行已导入过的学员（工号或手机相同）会更新信息，不会重复创建。",
  "上传后先预览：每一行的结果和问题都会列出，确认后才会导入；有任何问题时不会导入任何一行。",
  "新学员不设初始密码，由培训师发放开通链接，学员自行设置密码。",
];

export async function rosterTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "场景化金融生态课程";
  const sheet = book.addWorksheet(ROSTER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ROSTER_HEADERS.map((header) => ({
    header,
    width: header === "邮箱" ? 28 : header === "手机" || header === "工号" ? 16 : 14,
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  const rules = book.addWorksheet(RULES_SHEET);
  rules.columns = [
    { header: "列", width: 12 },
    { header: "是否必填", width: 28 },
    { header: "说明", width: 70 },
  ];
  rules.getRow(1).font = { bold: true };
  for (const r of RULES) rules.addRow(r);
  rules.addRow([]);
  for (const n of NOTES) rules.addRow([n]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
