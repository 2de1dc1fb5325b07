// L3: state-changing requests from another site's page are told apart from our own and from
// non-browser clients.
import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/security/same-origin";

const h = (init: Record<string, string>) => new Headers({ host: "training.bank.cn", ...init });

describe("cross-site writes", () => {
  it("refuses a POST another site's page sends", () => {
    expect(isCrossSiteWrite("POST", h({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite("POST", h({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite("DELETE", h({ origin: "null" }))).toBe(true);
  });

  it("lets our own pages, direct navigation, non-browser clients and reads through", () => {
    expect(isCrossSiteWrite("POST", h({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite("POST", h({ origin: "https://training.bank.cn" }))).toBe(false);
    expect(isCrossSiteWrite("POST", h({}))).toBe(false);
    expect(isCrossSiteWrite("GET", h({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
