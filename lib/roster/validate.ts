// Roster rows checked before anything is written: each cell gets a problem code (phrased in
// Chinese by lib/roster/messages.ts), or the row is valid. Pure: no database; duplicates within
// the organisation are found when the preview matches rows to existing learners.
import { z } from "zod";
import { EMPLOYEE_NO, normaliseEmployeeNo, normaliseTyped } from "@/lib/auth/identifier";
import { normalisePhone, PHONE } from "@/lib/enquiries/schema";

export const ROSTER_HEADERS = ["姓名", "工号", "手机", "邮箱", "分行", "支行/部门", "岗位"] as const;
export const ROSTER_FIELDS = ["name", "employeeNo", "mobile", "email", "branch", "department", "position"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const MAX_ROSTER_ROWS = 5000;

export type RosterProblem =
  | "REQUIRED"
  | "TOO_LONG"
  | "INVALID_CHARS"
  | "BAD_EMPLOYEE_NO"
  | "BAD_MOBILE"
  | "BAD_EMAIL"
  | "DUPLICATE_IN_FILE"
  | "NO_SIGN_IN_ID";

export type RosterValues = Record<RosterField, string>;
export type RosterRow = {
  /** The row's number in the spreadsheet (the header is row 1). */
  line: number;
  values: RosterValues;
  problems: { field: RosterField; code: RosterProblem }[];
};

export type RosterFileProblem =
  | { code: "EMPTY" | "NO_ROWS" | "TOO_MANY_ROWS" }
  /** the template headers not found */
  | { code: "MISSING_HEADERS"; missing: string[] };
export type RosterCheck = { ok: true; rows: RosterRow[] } | ({ ok: false } & RosterFileProblem);

// What banks' own HR exports call the same columns; the template's names are matched first.
const HEADER_ALIASES: Record<(typeof ROSTER_HEADERS)[number], string[]> = {
  姓名: ["名字", "员工姓名"],
  工号: ["员工号", "员工编号", "员工工号"],
  手机: ["手机号", "手机号码", "移动电话"],
  邮箱: ["电子邮箱", "邮件", "电子邮件", "email"],
  分行: ["所属分行"],
  "支行/部门": ["支行", "部门", "支行／部门", "所属部门"],
  岗位: ["职位", "职务"],
};
/** A title row ("XX银行 2026 年内训名单") may sit above the headers: they are looked for this far down. */
const HEADER_SEARCH_ROWS = 5;

const MAX_LENGTH: Record<RosterField, number> = {
  name: 50,
  employeeNo: 32,
  mobile: 20,
  email: 254,
  branch: 50,
  department: 50,
  position: 50,
};
const CONTROL = /[\u0000-\u001F\u007F<>]/;
const email = z.email();

function normalise(field: RosterField, raw: string): string {
  const text = normaliseTyped(raw ?? "");
  if (field === "employeeNo") return normaliseEmployeeNo(text);
  if (field === "mobile") return normalisePhone(text);
  if (field === "email") return text.toLowerCase();
  return text.replace(/\s+/g, " ");
}

function checkCell(field: RosterField, value: string): RosterProblem | null {
  if (value === "") return field === "name" ? "REQUIRED" : null;
  if (value.length > MAX_LENGTH[field]) return "TOO_LONG";
  if (CONTROL.test(value)) return "INVALID_CHARS";
  if (field === "employeeNo" && !EMPLOYEE_NO.test(value)) return "BAD_EMPLOYEE_NO";
  if (field === "mobile" && !PHONE.test(value)) return "BAD_MOBILE";
  if (field === "email" && !email.safeParse(value).success) return "BAD_EMAIL";
  return null;
}

const isBlank = (cells: string[] | undefined) => !cells || cells.every((c) => (c ?? "").trim() === "");

function columnIndex(header: string[]): number[] {
  const labels = header.map((h) =>
    normaliseTyped(h ?? "")
      .replace(/\s+/g, "")
      .toLowerCase(),
  );
  return ROSTER_HEADERS.map((h) => {
    const exact = labels.indexOf(h);
    return exact !== -1 ? exact : labels.findIndex((l) => HEADER_ALIASES[h].includes(l));
  });
}

/**
 * Rows as the sheet holds them (table[i] is spreadsheet row i + 1; blank rows may be empty
 * arrays or holes, so the line numbers the trainer reads match Excel's). The header row holds all seven
 * template columns, in any order, extra columns ignored; a missing one is named.
 */
export function validateRoster(table: string[][]): RosterCheck {
  const firstRows = table.flatMap((r, i) => (isBlank(r) ? [] : [i])).slice(0, HEADER_SEARCH_ROWS);
  if (firstRows.length === 0) return { ok: false, code: "EMPTY" };
  const headerAt = firstRows.find((i) => columnIndex(table[i]!)[0] !== -1) ?? firstRows[0]!;
  const index = columnIndex(table[headerAt]!);
  const missing = ROSTER_HEADERS.filter((_, i) => index[i] === -1);
  if (missing.length > 0) return { ok: false, code: "MISSING_HEADERS", missing };
  const body = table.map((cells, i) => ({ cells, line: i + 1 })).slice(headerAt + 1);
  const filled = body.filter((r) => !isBlank(r.cells));
  if (filled.length === 0) return { ok: false, code: "NO_ROWS" };
  if (filled.length > MAX_ROSTER_ROWS) return { ok: false, code: "TOO_MANY_ROWS" };
  const seen: Partial<Record<RosterField, Map<string, number>>> = {
    employeeNo: new Map(),
    mobile: new Map(),
    email: new Map(),
  };
  const rows = filled.map(({ cells, line }): RosterRow => {
    const values = Object.fromEntries(
      ROSTER_FIELDS.map((f, i) => [f, normalise(f, cells[index[i]!] ?? "")]),
    ) as RosterValues;
    const problems: RosterRow["problems"] = [];
    for (const f of ROSTER_FIELDS) {
      const code = checkCell(f, values[f]);
      if (code) problems.push({ field: f, code });
    }
    for (const [f, map] of Object.entries(seen) as [RosterField, Map<string, number>][]) {
      const v = values[f];
      if (!v || problems.some((p) => p.field === f)) continue;
      if (map.has(v)) problems.push({ field: f, code: "DUPLICATE_IN_FILE" });
      else map.set(v, line);
    }
    // Someone with no 工号, 手机 or email could never sign in.
    if (!values.employeeNo && !values.mobile && !values.email)
      problems.push({ field: "employeeNo", code: "NO_SIGN_IN_ID" });
    return { line, values, problems };
  });
  return { ok: true, rows };
}
