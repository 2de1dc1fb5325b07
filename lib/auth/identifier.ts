// What a learner types in the sign-in form's one box: an email, a mainland mobile number, or a
// 工号 — bare ("10086") or after their organisation's short code ("PAB-10086") when the bare 工号
// is not unique across the banks we serve (docs/decisions/0016). Pure: the sign-in form, the
// server and the roster import normalise the same way.
import { normalisePhone, PHONE } from "@/lib/enquiries/schema";

export type SignInIdentifier =
  | { kind: "email"; email: string }
  | { kind: "mobile"; mobile: string }
  | { kind: "employee"; orgCode: string | null; employeeNo: string };

/** How each kind of sign-in id is named on notices and pages. */
export const SIGN_IN_ID_LABELS = { employee: "工号", mobile: "手机号", email: "邮箱" } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMPLOYEE_NO = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

/** Full-width digits, letters and dashes (typed on Chinese keyboards) as ASCII, trimmed. */
export function normaliseTyped(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[‐‑‒–—－]/g, "-")
    .trim();
}

/** 工号 as stored: ASCII, upper-case, no spaces. */
export function normaliseEmployeeNo(raw: string): string {
  return normaliseTyped(raw).replace(/\s+/g, "").toUpperCase();
}

export function parseIdentifier(raw: string): SignInIdentifier | null {
  const typed = normaliseTyped(raw);
  if (typed.length === 0 || typed.length > 254) return null;
  if (typed.includes("@")) return EMAIL.test(typed) ? { kind: "email", email: typed.toLowerCase() } : null;
  const mobile = normalisePhone(typed);
  if (PHONE.test(mobile)) return { kind: "mobile", mobile };
  const upper = normaliseEmployeeNo(typed);
  const prefixed = /^([A-Z][A-Z0-9]{1,9})-(.+)$/.exec(upper);
  if (prefixed && EMPLOYEE_NO.test(prefixed[2]!)) {
    return { kind: "employee", orgCode: prefixed[1]!, employeeNo: prefixed[2]! };
  }
  return EMPLOYEE_NO.test(upper) ? { kind: "employee", orgCode: null, employeeNo: upper } : null;
}

/** The key an account's sign-in limits are counted under, whichever identifier was typed. */
export const signInKeyOf = (account: { id: string; email: string | null }) => account.email ?? `user:${account.id}`;
