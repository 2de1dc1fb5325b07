import { describe, expect, it } from "vitest";
import { parseIdentifier } from "@/lib/auth/identifier";
import { loginSchema } from "@/lib/auth/schemas";

describe("the sign-in box", () => {
  it("reads an email, lower-cased", () => {
    expect(parseIdentifier("  Wang.Min@Bank.CN ")).toEqual({ kind: "email", email: "wang.min@bank.cn" });
    expect(parseIdentifier("not@an")).toBeNull();
  });

  it("reads a mainland mobile however it is written", () => {
    for (const typed of ["13800138000", "138 0013 8000", "+86 138-0013-8000", "１３８００１３８０００"]) {
      expect(parseIdentifier(typed), typed).toEqual({ kind: "mobile", mobile: "13800138000" });
    }
  });

  it("reads a bare 工号, upper-cased, and one after an organisation's code", () => {
    expect(parseIdentifier("10086")).toEqual({ kind: "employee", orgCode: null, employeeNo: "10086" });
    expect(parseIdentifier("a0012")).toEqual({ kind: "employee", orgCode: null, employeeNo: "A0012" });
    expect(parseIdentifier("pab-10086")).toEqual({ kind: "employee", orgCode: "PAB", employeeNo: "10086" });
    expect(parseIdentifier("PAB－10086")).toEqual({ kind: "employee", orgCode: "PAB", employeeNo: "10086" });
  });

  it("refuses what is none of these", () => {
    for (const typed of ["", "   ", "王敏", "a/b", "x".repeat(300), "<script>"]) {
      expect(parseIdentifier(typed), typed).toBeNull();
    }
    expect(loginSchema.safeParse({ identifier: "王敏", password: "x" }).success).toBe(false);
    expect(loginSchema.safeParse({ identifier: "PAB-10086", password: "x" }).success).toBe(true);
  });
});
