// One-time link tokens: random enough, stored only as a hash, expiring on time; and what the
// notice and the link page show of the holder.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskName, signInIdOf } from "@/lib/auth/account-links";
import { hashLinkToken, LINK_LIFETIME_MS, linkExpiry, linkPath, newLinkToken } from "@/lib/auth/one-time-links";
import { UNUSABLE_PASSWORD_PREFIX, unusablePasswordHash, verifyPassword } from "@/lib/auth/password";

describe("link tokens", () => {
  it("are 256 random bits, URL-safe, and never repeat", () => {
    const tokens = Array.from({ length: 2000 }, newLinkToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
    // Every bit position varies across tokens (a constant or truncated source would not).
    const bits = new Array<number>(256).fill(0);
    for (const t of tokens.slice(0, 500)) {
      const bytes = Buffer.from(t, "base64url");
      for (let i = 0; i < 256; i++) bits[i]! += (bytes[i >> 3]! >> (i & 7)) & 1;
    }
    expect(Math.min(...bits)).toBeGreaterThan(150);
    expect(Math.max(...bits)).toBeLessThan(350);
  });

  it("are stored as their sha256, which does not reveal them", () => {
    const token = newLinkToken();
    const hash = hashLinkToken(token);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashLinkToken(newLinkToken())).not.toBe(hash);
  });

  it("expire after 7 days (activation) and 24 hours (reset)", () => {
    const now = new Date("2026-03-05T10:00:00Z");
    expect(linkExpiry("ACTIVATE", now).toISOString()).toBe("2026-03-12T10:00:00.000Z");
    expect(linkExpiry("RESET", now).toISOString()).toBe("2026-03-06T10:00:00.000Z");
    expect(LINK_LIFETIME_MS.RESET).toBe(24 * 3_600_000);
  });

  it("open the page of their purpose", () => {
    expect(linkPath("ACTIVATE", "abc")).toBe("/activate/abc");
    expect(linkPath("RESET", "abc")).toBe("/reset-password/abc");
  });
});

describe("accounts waiting for activation", () => {
  it("have a hash no password matches", async () => {
    const hash = unusablePasswordHash();
    expect(hash.startsWith(UNUSABLE_PASSWORD_PREFIX)).toBe(true);
    expect(unusablePasswordHash()).not.toBe(hash);
    expect(await verifyPassword("", hash)).toBe(false);
    expect(await verifyPassword(hash, hash)).toBe(false);
  });
});

describe("what a notice and a link page show", () => {
  it("masks the name, keeping enough to recognise it", () => {
    expect(maskName("王敏")).toBe("王*");
    expect(maskName("李小龙")).toBe("李*龙");
    expect(maskName("欧阳明日")).toBe("欧**日");
    expect(maskName("张")).toBe("*");
    expect(maskName("Alice")).toBe("A***e");
  });

  it("prints the 工号 with the bank's code, else the 手机, else the email", () => {
    const base = { employeeNo: null, mobile: null, email: null, organisation: { code: "PAB" } };
    expect(signInIdOf({ ...base, employeeNo: "10086", mobile: "13800138000" })).toEqual({
      kind: "employee",
      value: "PAB-10086",
    });
    expect(signInIdOf({ ...base, employeeNo: "10086", organisation: null })).toEqual({
      kind: "employee",
      value: "10086",
    });
    expect(signInIdOf({ ...base, mobile: "13800138000", email: "a@b.cn" })).toEqual({
      kind: "mobile",
      value: "13800138000",
    });
    expect(signInIdOf({ ...base, email: "a@b.cn" })).toEqual({ kind: "email", value: "a@b.cn" });
    expect(signInIdOf(base)).toBeNull();
  });
});
