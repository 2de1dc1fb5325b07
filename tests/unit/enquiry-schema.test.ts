import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enquiryFields, enquirySchema, normalisePhone } from "@/lib/enquiries/schema";
import { maskEmail, maskPhone } from "@/lib/enquiries/mask";
import { checkFormToken, issueFormToken } from "@/lib/enquiries/form-token";

const valid = { name: "张伟", organisation: "某银行信用卡中心", phone: "138 0013 8000", consent: "on" };
const errorsOf = (input: Record<string, string>) => {
  const r = enquirySchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("enquiry schema", () => {
  it("accepts the minimum and normalises phone, email and text", () => {
    const r = enquirySchema.parse({
      ...valid,
      name: "  张伟 ",
      email: " Zhang.Wei@Bank.COM.cn ",
      phone: "+86 138-0013-8000",
      trainees: " 120 ",
      message: "第一行\n第二行",
    });
    expect(r).toMatchObject({
      name: "张伟",
      phone: "13800138000",
      email: "zhang.wei@bank.com.cn",
      trainees: 120,
      message: "第一行\n第二行",
    });
    expect(r.jobTitle).toBeUndefined();
  });

  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["0086 138 0013 8000", "13800138000"],
    ["86-138-0013-8000", "13800138000"],
  ])("normalises the mobile number %s", (raw, out) => {
    expect(normalisePhone(raw)).toBe(out);
    expect(enquirySchema.parse({ ...valid, phone: raw }).phone).toBe(out);
  });

  it.each([
    "1380013800",
    "138001380000",
    "23800138000",
    "12800138000",
    "+1 650 555 0100",
    "010-12345678",
    "１３８００１３８０００",
  ])("refuses the phone number %s with a field message", (phone) => {
    expect(errorsOf({ ...valid, phone })).toEqual({ phone: "请填写 11 位中国大陆手机号，如 138 0013 8000" });
  });

  it.each(["zhang", "zhang@", "@bank.cn", "zhang@bank", "zhang wei@bank.cn", "a@b@c.cn"])(
    "refuses the email %s",
    (email) => {
      expect(errorsOf({ ...valid, email })).toEqual({ email: "请填写有效的邮箱地址，如 name@bank.com.cn" });
    },
  );

  it("needs a name, an organisation, consent and one of phone or email", () => {
    expect(errorsOf({ name: " ", organisation: "", consent: "" })).toEqual({
      name: "请填写姓名",
      organisation: "请填写您所在的银行或分支机构",
      consent: "请阅读并勾选《个人信息处理说明》后再提交",
      phone: "手机号和邮箱请至少填写一项，方便我们联系您",
      email: "手机号和邮箱请至少填写一项，方便我们联系您",
    });
    expect(errorsOf({ name: "张伟", organisation: "某行", email: "a@bank.cn", consent: "on" })).toEqual({});
  });

  it("caps lengths and refuses control characters", () => {
    expect(errorsOf({ ...valid, message: "字".repeat(2000) })).toEqual({});
    expect(errorsOf({ ...valid, message: "字".repeat(2001) })).toEqual({ message: "留言最多 2000 字" });
    expect(errorsOf({ ...valid, name: "张".repeat(51) })).toEqual({ name: "姓名最多 50 个字" });
    expect(errorsOf({ ...valid, organisation: "某行\u0000" })).toEqual({ organisation: "单位含有无效字符" });
    expect(errorsOf({ ...valid, city: "北京\n上海" })).toEqual({ city: "城市含有无效字符" });
    expect(errorsOf({ ...valid, message: "响铃\u0007" })).toEqual({ message: "留言含有无效字符" });
    expect(errorsOf({ ...valid, trainees: "0" })).toEqual({ trainees: "预计参训人数须为 1–100000 的整数" });
    expect(errorsOf({ ...valid, trainees: "12.5" })).toEqual({ trainees: "预计参训人数须为 1–100000 的整数" });
    expect(errorsOf({ ...valid, interest: "bribe" })).toEqual({ interest: "请从列表中选择咨询意向" });
    expect(errorsOf({ ...valid, name: "<b>张</b>" })).toEqual({ name: "姓名不能包含 < 或 >" });
  });

  // Property: whatever arrives in the fields, parsing never throws, and the result is either a
  // valid enquiry (which then satisfies every rule) or field errors naming known fields.
  const FIELDS = [
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
  ];
  it("never crashes on random input: a valid enquiry or field errors", () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.constantFrom("", " ", "on", "13800138000", "a@b.cn", "course"),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), anyText), (input) => {
        const r = enquirySchema.safeParse(enquiryFields(input));
        if (r.success) {
          expect(r.data.name.length).toBeGreaterThan(0);
          expect(r.data.name.length).toBeLessThanOrEqual(50);
          expect(r.data.phone || r.data.email).toBeTruthy();
          if (r.data.phone) expect(r.data.phone).toMatch(/^1[3-9]\d{9}$/);
          expect(r.data.message?.length ?? 0).toBeLessThanOrEqual(2000);
          for (const v of [r.data.name, r.data.organisation, r.data.city ?? ""])
            expect(v).not.toMatch(/[\u0000-\u001f\u007f]/);
          expect(r.data.name).toBe(r.data.name.trim());
        } else {
          for (const issue of r.error.issues) {
            expect(FIELDS).toContain(String(issue.path[0]));
            expect(issue.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message, not a library default
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("the same random input always parses the same way (client and server agree)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), fc.string()), (input) => {
        const a = enquirySchema.safeParse(enquiryFields(input));
        const b = enquirySchema.safeParse(enquiryFields(JSON.parse(JSON.stringify(input))));
        expect(a.success).toBe(b.success);
        if (a.success && b.success) expect(a.data).toEqual(b.data);
      }),
    );
  });
});

describe("masking", () => {
  it("shows enough to recognise, not to use", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(maskEmail("zhang.wei@bank.cn")).toBe("z***@bank.cn");
    expect(maskPhone(null)).toBe("—");
  });
});

describe("fill-time token", () => {
  const secret = "x".repeat(32);
  it("refuses a form sent within 3 seconds, a forged token and a day-old one", () => {
    const t0 = 1_800_000_000_000;
    const token = issueFormToken(secret, t0);
    expect(checkFormToken(token, secret, t0 + 1_000)).toEqual({ ok: false, reason: "too-fast" });
    expect(checkFormToken(token, secret, t0 + 3_000)).toEqual({ ok: true, tokenId: token.split(".")[1] });
    // Two forms opened in the same millisecond still get tokens of their own.
    expect(issueFormToken(secret, t0)).not.toBe(token);
    expect(checkFormToken(token, secret, t0 + 25 * 3_600_000)).toEqual({ ok: false, reason: "expired" });
    const [, id, mac] = token.split(".");
    expect(checkFormToken(`${t0 - 60_000}.${id}.${mac}`, secret, t0 + 3_000)).toEqual({
      ok: false,
      reason: "forged",
    });
    expect(checkFormToken(`${t0}.${"A".repeat(16)}.${mac}`, secret, t0 + 3_000)).toEqual({
      ok: false,
      reason: "forged",
    });
    expect(checkFormToken(token, "y".repeat(32), t0 + 3_000)).toEqual({ ok: false, reason: "forged" });
    expect(checkFormToken(undefined, secret)).toEqual({ ok: false, reason: "missing" });
  });
});
