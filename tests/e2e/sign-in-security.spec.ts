// Issue 14 H1, M2, L4 over the wire: sign-in limits hold on every path that reaches authorize(),
// a guessing attack cannot lock the owner out, sign-out ends every copy of a session, and a
// session has an absolute lifetime. Each test plays its clients with their own addresses (the
// test server trusts X-Forwarded-For from loopback, as production trusts nginx).
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { expect, test } from "./fixtures";
import { E2E_PORT, queryE2eDb, uniqueEmail } from "./server";
import { signIn as signInThroughForm } from "./sign-in";

const baseURL = `http://127.0.0.1:${E2E_PORT}`;
const PASSWORD = "长城卡 场景金融 2026";
// Documentation-range IPv6 addresses, random per run and worker, so no two tests share a limit.
const runTag = () => Math.floor(Math.random() * 0xffff).toString(16);
let addressSeq = 0;
const newAddress = () => `2001:db8::${runTag()}:${runTag()}:${(addressSeq++).toString(16)}`;

async function client(ip = newAddress()): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": ip } });
}

/** A real sign-in as next-auth/react sends it: CSRF token first, then the credentials. */
async function signIn(ctx: APIRequestContext, email: string, password: string, path = "callback/credentials") {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post(`/api/auth/${path}`, {
    form: { csrfToken, email, password, json: "true", callbackUrl: `${baseURL}/me` },
    maxRedirects: 0,
  });
  const body = res.headers()["content-type"]?.includes("json") ? await res.json() : {};
  const error = body.url ? new URL(body.url).searchParams.get("error") : (body.error ?? null);
  const cookies = await ctx.storageState();
  const session = cookies.cookies.some((c) => c.name === "next-auth.session-token" && c.value);
  return { status: res.status(), error, session };
}

async function newAccount() {
  const email = uniqueEmail("guard");
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, '锁定测试', $3, now())`,
    [`guard${Date.now()}${Math.floor(Math.random() * 1e6)}`, email, await hashPassword(PASSWORD)],
  );
  return email;
}

test("H1: the per-address limit holds on /callback/credentials/<anything> too", async () => {
  const ctx = await client();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const path = i % 2 ? "callback/credentials/x" : "callback/credentials/a/b";
    statuses.push((await signIn(ctx, "nobody@e2e.test", "wrong-password", path)).status);
  }
  expect(statuses.slice(0, 10)).not.toContain(429);
  expect(statuses[10]).toBe(429);
  await ctx.dispose();
});

test("H1: wrong passwords through a suffixed path are counted; the guessing address is stopped, the owner elsewhere is not", async () => {
  test.setTimeout(60_000);
  const email = await newAccount();
  const attacker = await client();
  for (let i = 0; i < 10; i++) {
    const r = await signIn(attacker, email, `guess-${i}`, "callback/credentials/suffix");
    expect(r.error).toBe("CredentialsSignin");
  }
  const blocked = await signIn(attacker, email, PASSWORD, "callback/credentials/suffix");
  expect(blocked).toMatchObject({ status: 429, error: "RATE_LIMITED", session: false });
  const owner = await client();
  expect(await signIn(owner, email, PASSWORD)).toMatchObject({ error: null, session: true });
  await Promise.all([attacker.dispose(), owner.dispose()]);
});

test("M2: fifty wrong passwords from everywhere lock new devices out, not the owner's known browser", async () => {
  test.setTimeout(120_000);
  const email = await newAccount();
  const ownerPhone = await client();
  expect(await signIn(ownerPhone, email, PASSWORD)).toMatchObject({ session: true });
  await ownerPhone.post("/api/auth/signout", {
    form: { csrfToken: (await (await ownerPhone.get("/api/auth/csrf")).json()).csrfToken },
  });

  for (let i = 0; i < 50; i++) {
    const bot = await client();
    expect((await signIn(bot, email, `guess-${i}`)).session).toBe(false);
    await bot.dispose();
  }
  const stranger = await client();
  expect(await signIn(stranger, email, PASSWORD)).toMatchObject({ status: 429, error: "ACCOUNT_LOCKED" });
  // The owner's browser signed in before: the right password still works there.
  expect(await signIn(ownerPhone, email, PASSWORD)).toMatchObject({ error: null, session: true });
  await Promise.all([stranger.dispose(), ownerPhone.dispose()]);
});

test("M2: an admin sees the lock on the user list and lifts it; the owner's new phone gets in, and it is audited", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = await newAccount();
  for (let i = 0; i < 50; i++) {
    const bot = await client();
    await signIn(bot, email, `guess-${i}`);
    await bot.dispose();
  }
  const newPhone = await client();
  expect(await signIn(newPhone, email, PASSWORD)).toMatchObject({ error: "ACCOUNT_LOCKED" });

  await signInThroughForm(page, "admin@demo.local");
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
  await expect(row.getByText("新设备登录已锁定")).toBeVisible();
  await row.getByRole("button", { name: /解除.*登录锁定/ }).click();
  // The list is rendered again without the lock (the button goes with it).
  await expect(row.getByText("新设备登录已锁定")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("新设备登录已锁定")).toHaveCount(0);

  expect(await signIn(newPhone, email, PASSWORD)).toMatchObject({ error: null, session: true });
  const audit = await queryE2eDb<{ detail: string }>(
    `SELECT detail FROM "AuditEvent" WHERE target = (SELECT id FROM "User" WHERE email = $1)`,
    [email],
  );
  expect(audit.map((r) => r.detail)).toContain("解除登录锁定");
  await newPhone.dispose();
});

test("L4: NextAuth's own sign-out ends every copy of the session", async () => {
  const email = await newAccount();
  const pc = await client();
  expect(await signIn(pc, email, PASSWORD)).toMatchObject({ session: true });
  const state = await pc.storageState();
  const copy = await playwrightRequest.newContext({ baseURL, storageState: state });
  expect((await copy.get("/me", { maxRedirects: 0 })).status()).toBe(200);

  const { csrfToken } = await (await pc.get("/api/auth/csrf")).json();
  await pc.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  const after = await copy.get("/me", { maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers().location).toContain("/login");
  await Promise.all([pc.dispose(), copy.dispose()]);
});

test("L4: a session ends 12 hours after signing in, however active", async () => {
  const email = await newAccount();
  const [user] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const secret = readFileSync(".data/e2e/auth-secret", "utf8").trim();
  const cookieFor = async (authAt: number) => ({
    name: "next-auth.session-token",
    value: await encode({ token: { uid: user!.id, role: "LEARNER", sv: 1, email, name: "锁定测试", authAt }, secret }),
    domain: "127.0.0.1",
    path: "/",
    expires: -1,
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
  });
  const fresh = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [await cookieFor(Date.now() - 60_000)], origins: [] },
  });
  expect((await fresh.get("/me", { maxRedirects: 0 })).status()).toBe(200);
  const stale = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [await cookieFor(Date.now() - 12 * 3600_000 - 60_000)], origins: [] },
  });
  expect((await stale.get("/me", { maxRedirects: 0 })).status()).toBe(307);
  await Promise.all([fresh.dispose(), stale.dispose()]);
});

test("GET on the credentials callback is refused with 405, not a 500", async () => {
  const ctx = await client();
  const res = await ctx.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(res.status()).toBe(405);
  await ctx.dispose();
});

test("L3: a state-changing request from another site's page is refused before any handler", async () => {
  const ctx = await client();
  for (const path of ["/api/enquiries", "/api/auth/callback/credentials", "/api/quizzes/evolution/attempts"]) {
    const res = await ctx.post(path, { headers: { Origin: "https://evil.example" }, data: {} });
    expect(res.status(), path).toBe(403);
    const fetchSite = await ctx.post(path, { headers: { "Sec-Fetch-Site": "cross-site" }, data: {} });
    expect(fetchSite.status(), path).toBe(403);
  }
  // The same request from our own origin reaches the handler (which judges the body).
  const own = await ctx.post("/api/enquiries", { headers: { Origin: baseURL }, data: {} });
  expect(own.status()).not.toBe(403);
  await ctx.dispose();
});

test("M1: after signing in, only same-site paths come back; a tab, newline or repeated next falls back", async () => {
  const email = await newAccount();
  const ctx = await client();
  expect(await signIn(ctx, email, PASSWORD)).toMatchObject({ session: true });
  for (const query of [
    "next=%2F%09%2Fevil.example",
    "next=%2F%0A%2Fevil.example",
    "next=%2Fme&next=%2F%2Fevil.example",
  ]) {
    const res = await ctx.get(`/login?${query}`, { maxRedirects: 0 });
    expect(res.status(), query).toBeLessThan(400);
    expect(res.headers().location ?? "", query).toMatch(/^\/me$/);
  }
  const kept = await ctx.get("/login?next=%2Fme%2Freview", { maxRedirects: 0 });
  expect(kept.headers().location).toBe("/me/review");
  await ctx.dispose();
});
