import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { loadContent } from "@/lib/content/load";
import { loadTrainerKit } from "@/lib/content/trainer-kit";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { ACTIONS, ROUTES, WHO, type Outcome, type Who } from "./access-table";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { E2E_PORT, queryE2eDb, uniqueEmail } from "./server";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const baseURL = `http://127.0.0.1:${E2E_PORT}`;
const ACCOUNTS: Record<Exclude<Who, "anonymous">, string> = {
  learner: "learner1@demo.local",
  otherTrainer: "trainer2@demo.local",
  trainer: "trainer@demo.local",
  clientAdmin: "client@demo.local",
  otherClientAdmin: "client2@demo.local",
  admin: "admin@demo.local",
};

function appFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return appFiles(p);
    return /^(page\.tsx|route\.ts)$/.test(e.name) ? [p] : [];
  });
}

test("every page and route handler in app/ has a row in the access table", () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  const missing = appFiles("app").filter((f) => !listed.has(f));
  expect(missing, "add these to tests/e2e/access-table.ts").toEqual([]);
  expect(
    ROUTES.filter((r) => !existsSync(r.file)).map((r) => r.file),
    "rows for files that no longer exist",
  ).toEqual([]);
});

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };
const manifestPath = ".next/server/server-reference-manifest.json";
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  return new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
}

test("every server action in the build has a row in the access table", () => {
  const listed = new Set(ACTIONS.map((a) => a.action));
  const missing = [...actionIds().keys()].filter((a) => !listed.has(a));
  expect(missing, "add these to tests/e2e/access-table.ts").toEqual([]);
});

async function signedInContext(who: Who, email = who === "anonymous" ? "" : ACCOUNTS[who]): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: clientAddressHeader() });
  if (who === "anonymous") return ctx;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email, password: DEMO_PASSWORD, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in as ${who}`).toBeLessThan(400);
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email, `session for ${who}`).toBe(email);
  return ctx;
}

/**
 * Signing out ends every session of that user (docs/decisions/0004). Run against the shared demo
 * accounts it would sign out other specs running in parallel, so the sign-out action is checked
 * with a throwaway account of the same role.
 */
async function throwawayContext(who: Exclude<Who, "anonymous">): Promise<APIRequestContext> {
  const email = uniqueEmail(`access-${who}`).toLowerCase(); // stored lower-cased, as sign-up does
  const role =
    who === "learner"
      ? "LEARNER"
      : who === "admin"
        ? "ADMIN"
        : who === "clientAdmin" || who === "otherClientAdmin"
          ? "CLIENT_ADMIN"
          : "TRAINER";
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, '访问测试', $3, $4, now())`,
    [`access${randomUUID().replaceAll("-", "").slice(0, 20)}`, email, await hashPassword(DEMO_PASSWORD), role],
  );
  return signedInContext(who, email);
}

function pageOutcome(status: number, location: string | undefined): Outcome | number {
  if (status === 200) return "ok";
  if (status >= 300 && status < 400 && location) {
    const p = new URL(location, baseURL).pathname;
    if (p === "/login") return "login";
    if (p === "/signup") return "signup";
    if (p === "/me") return "me";
    if (p === "/trainer") return "trainer";
    if (p === "/check-in") return "checkIn";
  }
  return status;
}

test("each kind of visitor reaches exactly what the access table allows", async () => {
  // Several hundred requests in a row (every route × every kind of visitor); it grows with the app.
  test.setTimeout(300_000);
  const content = loadContent();
  const m = content.modules[0]!;
  const rolePlay = loadTrainerKit(content).rolePlays[0]?.slug ?? "none";
  const [cohort] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`);
  const [learner] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'learner1@demo.local'`);
  const [organisation] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [outsider] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'learner5@demo.local'`);
  const [session] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "CohortSession" WHERE "cohortId" = $1 ORDER BY "startsAt" LIMIT 1`,
    [cohort!.id],
  );
  const [certificate] = await queryE2eDb<{ id: string }>(
    `SELECT c.id FROM "Certificate" c JOIN "CohortMember" m ON m."userId" = c."userId"
     JOIN "Cohort" k ON k.id = m."cohortId" WHERE k."inviteCode" = 'SPRING26' ORDER BY c.id LIMIT 1`,
  );
  const [enquiry] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "Enquiry" WHERE "erasedAt" IS NULL ORDER BY "createdAt" LIMIT 1`,
  );
  const fill = (p: string) =>
    p
      .replace("{module}", m.slug)
      .replace("{lesson}", m.lessons[0]!.slug)
      .replace("{case}", content.cases[0]!.slug)
      .replace("{rolePlay}", rolePlay)
      .replace("{cohort}", cohort!.id)
      .replace("{session}", session!.id)
      .replace("{learner}", learner!.id)
      .replace("{outsider}", outsider!.id)
      .replace("{organisation}", organisation!.id)
      .replace("{enquiry}", enquiry!.id)
      .replace("{certificate}", certificate!.id);
  const ids = actionIds();
  const failures: string[] = [];

  for (const who of WHO) {
    const ctx = await signedInContext(who);
    try {
      for (const row of ROUTES) {
        const res =
          row.post === undefined
            ? await ctx.get(fill(row.path), { maxRedirects: 0 })
            : await ctx.post(fill(row.path), { data: row.post, maxRedirects: 0 });
        const got = pageOutcome(res.status(), res.headers()["location"]);
        if (got !== row.expect[who])
          failures.push(
            `${who} ${row.post === undefined ? "GET" : "POST"} ${row.path}: expected ${row.expect[who]}, got ${got}`,
          );
      }
      for (const row of ACTIONS) {
        const id = ids.get(row.action);
        const signsOut = row.action.endsWith("#signOutAction");
        if (!id) {
          failures.push(`${row.action} is not in the build`);
          continue;
        }
        // The encoding React uses for a form action called as (previousState, formData): the form's
        // fields as "_1_<name>", then the arguments as field "0". The order matters: the server
        // reads the parts as they stream in, and "$K1" takes the "_1_" fields seen before it.
        const withState = signsOut ? '["$K1"]' : '[{},"$K1"]';
        const multipart = new FormData();
        for (const [k, v] of Object.entries(row.form)) multipart.append(`_1_${k}`, fill(v));
        multipart.append("0", withState);
        const caller = signsOut && who !== "anonymous" ? await throwawayContext(who) : ctx;
        const res = await caller.post(fill(row.page), {
          headers: { "Next-Action": id, Accept: "text/x-component" },
          multipart,
          maxRedirects: 0,
        });
        if (caller !== ctx) await caller.dispose();
        const redirect = res.headers()["x-action-redirect"] ?? "";
        const got: Outcome | number = redirect.startsWith("/login")
          ? "login"
          : res.status() === 200
            ? "ok"
            : res.status();
        if (got !== row.expect[who])
          failures.push(`${who} action ${row.action}: expected ${row.expect[who]}, got ${got}`);
      }
    } finally {
      await ctx.dispose();
    }
  }
  expect(failures).toEqual([]);
});
