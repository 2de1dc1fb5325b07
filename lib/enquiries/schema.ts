// The enquiry form's rules, shared by the browser (checked as the prospect types) and the server
// (checked again on submit): the same zod schema, the same Chinese messages, field by field.
import { z } from "zod";
import { INTERESTS, type Interest } from "./form-options";

export { INTERESTS, NOTICE_VERSION, type Interest } from "./form-options";

// Single-line fields refuse every control character; the message allows line breaks and tabs.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const line = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .refine((v) => !CONTROL.test(v), `${label}含有无效字符`);

const optionalLine = (label: string, max: number) => line(label, max).transform((v) => v || undefined);

/** Mainland mobile number: spaces, dashes and a +86 / 0086 prefix are accepted and removed. */
export function normalisePhone(raw: string): string {
  const compact = raw.replace(/[\s\-()()]/g, "");
  return compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
}

export const PHONE = /^1[3-9]\d{9}$/;

const phone = z
  .string({ error: "手机号格式不正确" })
  .trim()
  .max(30, "手机号格式不正确")
  .transform(normalisePhone)
  .refine((v) => v === "" || PHONE.test(v), "请填写 11 位中国大陆手机号，如 138 0013 8000")
  .transform((v) => v || undefined);

const email = z
  .string({ error: "邮箱格式不正确" })
  .trim()
  .max(254, "邮箱最多 254 个字符")
  .transform((v) => v.toLowerCase())
  .refine((v) => v === "" || z.email().safeParse(v).success, "请填写有效的邮箱地址，如 name@bank.com.cn")
  .transform((v) => v || undefined);

export const enquirySchema = z
  .object({
    name: line("姓名", 50)
      .refine((v) => v.length > 0, "请填写姓名")
      .refine((v) => !/[<>]/.test(v), "姓名不能包含 < 或 >"),
    organisation: line("单位", 100).refine((v) => v.length > 0, "请填写您所在的银行或分支机构"),
    jobTitle: optionalLine("职务", 50).optional(),
    phone: phone.optional(),
    email: email.optional(),
    city: optionalLine("城市", 30).optional(),
    interest: z
      .enum(["", ...(Object.keys(INTERESTS) as Interest[])], { error: "请从列表中选择咨询意向" })
      .transform((v) => (v === "" ? undefined : (v as Interest)))
      .optional(),
    trainees: z
      .string({ error: "预计参训人数须为整数" })
      .trim()
      .refine((v) => v === "" || /^\d{1,6}$/.test(v), "预计参训人数须为 1–100000 的整数")
      .transform((v) => (v === "" ? undefined : Number(v)))
      .refine((v) => v === undefined || (v >= 1 && v <= 100_000), "预计参训人数须为 1–100000 的整数")
      .optional(),
    contactTime: optionalLine("方便联系的时间", 50).optional(),
    message: z
      .string({ error: "留言格式不正确" })
      .trim()
      .max(2000, "留言最多 2000 字")
      .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), "留言含有无效字符")
      .transform((v) => v || undefined)
      .optional(),
    consent: z.literal("on", { error: "请阅读并勾选《个人信息处理说明》后再提交" }),
  })
  .superRefine(
    (v, ctx) => {
      if (!v.phone && !v.email) {
        const message = "手机号和邮箱请至少填写一项，方便我们联系您";
        ctx.addIssue({ code: "custom", path: ["phone"], message });
        ctx.addIssue({ code: "custom", path: ["email"], message });
      }
    },
    // Checked even when other fields have errors, so the prospect sees every problem at once.
    // The fields it reads are present (maybe unparsed) strings or undefined either way.
    { when: () => true },
  );

export type EnquiryInput = z.infer<typeof enquirySchema>;

/** Form values as strings, the way FormData and the JSON API both deliver them. */
export function enquiryFields(source: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    "name",
    "organisation",
    "jobTitle",
    "phone",
    "email",
    "city",
    "interest",
    "trainees",
    "contactTime",
    "message",
    "consent",
  ]) {
    const v = source[key];
    if (typeof v === "string") out[key] = v;
    else if (typeof v === "number" && Number.isFinite(v)) out[key] = String(v);
    else if (v === true && key === "consent") out[key] = "on";
  }
  return out;
}
