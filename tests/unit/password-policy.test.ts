// L1: a proper common-password list (top 10,000, shipped in a package), symbols around a common
// password do not make it uncommon, and a password may not contain the email name or the site name.
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("refuses passwords from the top-10,000 list, whatever the case or trailing symbols", () => {
    for (const p of ["a1234567", "Qwerty123!", "password1", "ABCD1234", "iloveyou1", "woaini1314"]) {
      expect(passwordProblem(p), p).toBe("COMMON");
    }
  });

  it("refuses a password containing the email's name or the site's name", () => {
    expect(passwordProblem("wangmin.2026.Spring", "WangMin@bank.cn".toLowerCase())).toBe("CONTAINS_EMAIL");
    expect(passwordProblem("我爱场景化金融2026")).toBe("CONTAINS_SITE_NAME");
    // A short local part is not held against the password.
    expect(passwordProblem("li-Spring-Card-77", "li@bank.cn")).toBeNull();
  });

  it("accepts a long, personal passphrase", () => {
    expect(passwordProblem("信用卡场景 2026 春", "learner@bank.cn")).toBeNull();
    expect(passwordProblem("Branch-Visit-Plan-0312", "zhao.lei@bank.cn")).toBeNull();
  });
});
