// The 签到表 as the bank files it: printed (A4, 30 learners a page, a signature column) and as a
// spreadsheet, both from the register (lib/attendance/register.ts), so both show the same thing.
import type { Column } from "@/lib/export/tabular";
import { formatTime } from "@/lib/format/beijing-time";
import { statusLabel } from "./labels";
import type { RegisterRow } from "./register";

export const ROWS_PER_PAGE = 30;

/** The register cut into printed pages, numbered from 1 across pages. */
export function sheetPages(rows: RegisterRow[], perPage = ROWS_PER_PAGE) {
  const pages: { number: number; rows: (RegisterRow & { n: number })[] }[] = [];
  rows.forEach((r, i) => {
    if (i % perPage === 0) pages.push({ number: pages.length + 1, rows: [] });
    pages[pages.length - 1]!.rows.push({ ...r, n: i + 1 });
  });
  return pages.length ? pages : [{ number: 1, rows: [] }];
}

export const checkInTimeText = (r: Pick<RegisterRow, "checkedInAt" | "markedByHand" | "status">) =>
  r.checkedInAt ? formatTime(r.checkedInAt) : r.markedByHand && r.status ? "补登" : "";

export function sheetColumns(signOut: boolean): Column<RegisterRow>[] {
  return [
    { header: "分行", value: (r) => r.branch, width: 14 },
    { header: "部门", value: (r) => r.department, width: 16 },
    { header: "姓名", value: (r) => r.name, width: 12 },
    { header: "工号", value: (r) => r.employeeNo, width: 12 },
    { header: "出勤情况", value: (r) => statusLabel(r.status), width: 10 },
    { header: "签到时间", value: (r) => r.checkedInAt, width: 18 },
    ...(signOut ? [{ header: "签退时间", value: (r: RegisterRow) => r.signedOutAt, width: 18 }] : []),
    { header: "手工登记", value: (r) => (r.markedByHand ? "是" : ""), width: 10 },
    { header: "备注", value: (r) => r.note, width: 24 },
    { header: "签名", value: () => "", width: 16 },
  ];
}
