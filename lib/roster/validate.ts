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

export type RosterFileProblem = "EMPTY" | "BAD_HEADERS" | "TOO_MANY_ROWS";
export type RosterCheck = { ok: true; rows: RosterRow[] } | { ok: false; code: RosterFileProblem };

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

/** Header row first; columns found by their Chinese names, in any order. */
export function validateRoster(table: string[][]): RosterCheck {
  const [header, ...body] = table;
  if (!header) return { ok: false, code: "EMPTY" };
  if (body.length > MAX_ROSTER_ROWS) return { ok: false, code: "TOO_MANY_ROWS" };
  const labels = header.map((h) => normaliseTyped(h ?? "").replace(/\s+/g, ""));
  const index = ROSTER_HEADERS.map((h) => labels.indexOf(h));
  if (index[0] === -1 || index.slice(1, 3).every((i) => i === -1)) return { ok: false, code: "BAD_HEADERS" };
  const seen: Partial<Record<RosterField, Map<string, number>>> = {
    employeeNo: new Map(),
    mobile: new Map(),
    email: new Map(),
  };
  const rows = body.map((cells, n): RosterRow => {
    const values = Object.fromEntries(
      ROSTER_FIELDS.map((f, i) => [f, index[i] === -1 ? "" : normalise(f, cells[index[i]!] ?? "")]),
    ) as RosterValues;
    const problems: RosterRow["problems"] = [];
    for (const f of ROSTER_FIELDS) {
      const code = checkCell(f, values[f]);
      if (code) problems.push({ field: f, code });
    }
    const line = n + 2;
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
