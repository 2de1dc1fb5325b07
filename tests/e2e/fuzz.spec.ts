// Issue 14 L7: no input answers 5xx. Every route of the access table is requested with its path
// segments replaced by generated values (invalid UTF-8, NUL, traversal, very long, any Unicode)
// and with generated query strings and bodies, by several methods; every server action is called
// with generated argument bodies. Each request must get a status below 500. Bounded: a fixed
// number of runs per route, a fixed seed per run printed on failure by fast-check.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { ROUTES } from "./access-table";
import { expect, test } from "./fixtures";
import { E2E_PORT } from "./server";

const baseURL = `http://127.0.0.1:${E2E_PORT}`;

const NASTY = [
  "%00",
  "%FF",
  "%C0%AF",
  "%E0%A4%A",
  "%",
  "..",
  "%2e%2e",
  "%2F",
  "a".repeat(3000),
  "%F0%9F%92%A9",
  "'%20OR%201=1--",
  "%3Cscript%3E",
  "null",
  "-1",
  "1e309",
];
const segment = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40, unit: "binary" }).map(encodeURIComponent),
  fc.string({ maxLength: 12, unit: "binary" }).map((s) => encodeURIComponent(s).replace(/%20/g, "%00")),
);
const query = fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.constantFrom(...NASTY))), {
  maxLength: 4,
});
const jsonBody = fc.oneof(fc.jsonValue(), fc.constantFrom("", "{", "[", "\u0000", "null"));

/** The route's path with each segment after the first replaced, one at a time, by `value`. */
function mutate(path: string, index: number, value: string): string {
  const [p, q = ""] = path.split("?");
  const parts = p!.split("/");
  const at = 1 + (index % Math.max(1, parts.length - 1));
  parts[at] = value;
  return parts.join("/") + (q ? `?${q}` : "");
}

async function statusOf(ctx: APIRequestContext, method: string, url: string, data?: unknown) {
  const res = await ctx.fetch(url, { method, data, maxRedirects: 0, failOnStatusCode: false });
  return res.status();
}

test("generated paths, queries, methods and bodies never get a 5xx", async () => {
  test.setTimeout(240_000);
  const ctx = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": `2001:db8:f022::${Math.floor(Math.random() * 0xffff).toString(16)}` },
  });
  const failures: string[] = [];
  try {
    for (const row of ROUTES) {
      const template = row.path.replace(/\{[a-z]+\}/g, "x");
      await fc
        .assert(
          fc.asyncProperty(
            fc.nat(),
            segment,
            query,
            fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD"),
            jsonBody,
            async (i, seg, q, method, body) => {
              const qs = q.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&");
              const url = mutate(template, i, seg) + (qs ? (template.includes("?") ? "&" : "?") + qs : "");
              const status = await statusOf(ctx, method, url, method === "POST" ? body : undefined);
              if (status >= 500) failures.push(`${method} ${url} → ${status}`);
              return status < 500;
            },
          ),
          { numRuns: 12 },
        )
        .catch(() => undefined); // collected below, with every failing request, not just the first
    }
  } finally {
    await ctx.dispose();
  }
  expect(failures).toEqual([]);
});

test("server actions called with generated argument bodies never get a 5xx", async () => {
  test.setTimeout(240_000);
  type Manifest = { node: Record<string, { filename: string; exportedName: string }> };
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const ids = Object.keys(manifest.node);
  expect(ids.length).toBeGreaterThan(5);
  const ctx = await playwrightRequest.newContext({ baseURL });
  const failures: string[] = [];
  try {
    for (const id of ids) {
      await fc
        .assert(
          fc.asyncProperty(
            fc.oneof(
              fc.string({ unit: "binary", maxLength: 60 }),
              fc.jsonValue().map((v) => JSON.stringify(v)),
              fc.array(fc.jsonValue()).map((v) => JSON.stringify(v)),
              fc.constantFrom('["$@1"]', '["$K1"]', '[{"$$typeof":1}]', '["$Q0"]', "["),
            ),
            fc.boolean(),
            async (payload, asMultipart) => {
              const res = await ctx.post("/me", {
                headers: { "Next-Action": id, ...(asMultipart ? {} : { "Content-Type": "text/plain;charset=UTF-8" }) },
                ...(asMultipart ? { multipart: { "0": payload, x: payload } } : { data: payload }),
                maxRedirects: 0,
                failOnStatusCode: false,
              });
              if (res.status() >= 500) failures.push(`action ${id} (${asMultipart ? "multipart" : "text"}) ${payload}`);
              return res.status() < 500;
            },
          ),
          { numRuns: 15 },
        )
        .catch(() => undefined);
    }
  } finally {
    await ctx.dispose();
  }
  expect(failures).toEqual([]);
});
