import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { clientIp } from "@/lib/auth/client-ip";
import { cohortSchema, emailSchema, passwordSchema, signupSchema } from "@/lib/auth/schemas";

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe("account schemas", () => {
  it("normalises emails (trim, lower-case) and rejects malformed ones", () => {
    expect(emailSchema.parse("  Wang.Min@Bank.CN ")).toBe("wang.min@bank.cn");
    expect(firstMessage(emailSchema.safeParse("wang@"))).toBe("邮箱格式不正确，例如 name@bank.com");
    expect(firstMessage(emailSchema.safeParse(""))).toBe("请填写邮箱");
    expect(firstMessage(emailSchema.safeParse(`${"a".repeat(250)}@b.cn`))).toBe("邮箱过长");
  });

  it("accepts 8 to 128 characters of anything, refuses common passwords", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
    expect(passwordSchema.safeParse("我的密码很长很长").success).toBe(true); // 8 Chinese characters
    expect(passwordSchema.safeParse("x".repeat(128)).success).toBe(true);
    expect(firstMessage(passwordSchema.safeParse("x".repeat(129)))).toBe("密码最多 128 个字符");
    expect(firstMessage(passwordSchema.safeParse("Password123"))).toBe("这个密码太常见，容易被猜中，请换一个");
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
  });

  it("reports every bad sign-up field at once", () => {
    const r = signupSchema.safeParse({ name: " ", email: "x", password: "short", inviteCode: "!!" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "inviteCode", "name", "password"]);
  });

  it("turns a blank invite code into none and upper-cases a given one", () => {
    expect(
      signupSchema.parse({ name: "王敏", email: "a@b.cn", password: "long enough pw", inviteCode: "" }).inviteCode,
    ).toBeUndefined();
    expect(
      signupSchema.parse({ name: "王敏", email: "a@b.cn", password: "long enough pw", inviteCode: " demo2026 " })
        .inviteCode,
    ).toBe("DEMO2026");
  });

  it("checks cohort dates", () => {
    expect(
      firstMessage(
        cohortSchema.safeParse({ name: "一期", organisationId: "o1", startsOn: "2026-05-01", endsOn: "2026-04-01" }),
      ),
    ).toBe("结束日期不能早于开始日期");
    expect(firstMessage(cohortSchema.safeParse({ name: "一期", organisationId: "o1", startsOn: "2026-13-45" }))).toBe(
      "日期格式不正确",
    );
    expect(cohortSchema.parse({ name: " 一期 ", organisationId: "o1", startsOn: "", endsOn: "" })).toEqual({
      name: "一期",
      organisationId: "o1",
      startsOn: undefined,
      endsOn: undefined,
    });
  });
});

describe("clientIp", () => {
  // The next start process leaves exactly one decided address there (lib/security/client-address.js).
  it("takes the address the client-address hook decided, or says it does not know", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.1" }))).toBe("203.0.113.1");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
