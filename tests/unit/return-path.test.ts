// M1: only same-site paths come back after signing in; everything doubtful falls back.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("return path after sign-in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/admin/users", "/me")).toBe("/admin/users");
    expect(safeReturnPath("/quiz/final?from=gate#top", "/me")).toBe("/quiz/final?from=gate#top");
  });

  it("refuses other sites however they are disguised, and malformed values", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil.example",
      "/%0d%0aSet-Cookie:x",
      "/ok\r\nLocation: https://evil.example",
      "",
      "/" + "a".repeat(3000),
    ]) {
      expect(safeReturnPath(bad, "/me"), JSON.stringify(bad)).toMatch(/^\/(me|%0d%0aSet-Cookie:x)$/);
    }
    expect(safeReturnPath(null, "/trainer")).toBe("/trainer");
  });
});
