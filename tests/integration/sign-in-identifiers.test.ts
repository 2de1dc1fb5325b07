// Signing in with 手机 or 工号 (with or without the organisation's code) names the right account,
// an ambiguous one names none, and the sign-in limits count every identifier of one account
// together (lib/auth/sign-in-account.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookUpSignIn } from "@/lib/auth/sign-in-account";
import { admitSignIn, recordSignInFailure } from "@/lib/auth/sign-in-guard";
import { testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  const pab = await testOrganisationId(t.db, "PAB");
  const cmb = await testOrganisationId(t.db, "CMB");
  const people = [
    { key: "wang", organisationId: pab, employeeNo: "10086", mobile: "13800138000", email: "wang@pab.cn" },
    { key: "li", organisationId: cmb, employeeNo: "10086", mobile: "13900139000", email: null },
    { key: "zhou", organisationId: cmb, employeeNo: "A-7", mobile: "13700137000", email: null },
    { key: "twin1", organisationId: pab, employeeNo: "20001", mobile: "13600136000", email: null },
    { key: "twin2", organisationId: cmb, employeeNo: "20002", mobile: "13600136000", email: null },
  ];
  for (const p of people) {
    const { key, ...data } = p;
    ids[key] = (await t.db.user.create({ data: { ...data, name: key, passwordHash: "x" }, select: { id: true } })).id;
  }
});
afterAll(() => t.close());

const who = async (typed: string) => (await lookUpSignIn(t.db, typed)).account?.id ?? null;

describe("signing in with 手机 or 工号", () => {
  it("finds the account by email, mobile, or organisation code and 工号", async () => {
    expect(await who("wang@pab.cn")).toBe(ids.wang);
    expect(await who("138 0013 8000")).toBe(ids.wang);
    expect(await who("PAB-10086")).toBe(ids.wang);
    expect(await who("cmb-10086")).toBe(ids.li);
    expect(await who("13900139000")).toBe(ids.li);
  });

  it("a 工号 or mobile shared by two banks names nobody until the code is added", async () => {
    expect(await who("10086")).toBeNull();
    expect(await who("13600136000")).toBeNull();
    expect(await who("20002")).toBe(ids.twin2);
  });

  it("a 工号 with a dash in it still signs in bare", async () => {
    expect(await who("A-7")).toBe(ids.zhou);
  });

  it("counts failures under the account, whichever identifier was typed", async () => {
    const byMobile = await lookUpSignIn(t.db, "13800138000");
    const byEmployee = await lookUpSignIn(t.db, "PAB-10086");
    const byEmail = await lookUpSignIn(t.db, "wang@pab.cn");
    expect(byMobile.key).toBe("wang@pab.cn");
    expect(byEmployee.key).toBe(byEmail.key);
    const noEmail = await lookUpSignIn(t.db, "CMB-10086");
    expect(noEmail.key).toBe(`user:${ids.li}`);

    const ctx = { ip: "203.0.113.40", cookie: null };
    // 10 wrong passwords from one address, alternating identifiers: the 11th try is refused
    // for that account whichever identifier it uses.
    for (let i = 0; i < 10; i++) {
      await recordSignInFailure(t.db, (i % 2 ? byMobile : byEmployee).key!, ctx, ids.wang!);
    }
    const other = { ...ctx, ip: "203.0.113.41" };
    expect(await admitSignIn(t.db, byEmail.key, { ...other })).toBeNull();
    expect(await admitSignIn(t.db, byEmail.key, ctx)).toBe("RATE_LIMITED");
    expect(await admitSignIn(t.db, (await lookUpSignIn(t.db, "13800138000")).key, ctx)).toBe("RATE_LIMITED");
  });
});
