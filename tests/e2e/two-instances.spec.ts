// Issue 14: several instances behind a load balancer, proven with two `next start` processes on
// one PostgreSQL server (Debian's), a real SMTP server on loopback, and the same build the other
// browser tests use. A session made on one is valid on the other and revoked on both; rate limits
// are shared; each enquiry is mailed exactly once while both instances drain the outbox; a quiz
// submitted to both at once is recorded once.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { prepareDatabase } from "@/prisma/seed";
import { freePort, startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { skipReason } from "../support/system-tools";
import { expect, test } from "./fixtures";

const noPostgres = skipReason("postgres");
test.skip(noPostgres !== null, noPostgres ?? "");
test.describe.configure({ mode: "serial" });

const PASSWORD = "两个实例 同一数据库 2026";
const EMAIL = "twin@e2e.test";

let pg: PostgresServer | undefined;
let smtp: SMTPServer | undefined;
const mails: string[] = [];
const apps: { child: ChildProcess; base: string; output: string[] }[] = [];

async function startApp(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...env,
      NODE_OPTIONS: `--import=${pathToFileURL("scripts/lib/client-address-hook.mjs").href}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr!.on("data", (b: Buffer) => output.push(b.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, base, output };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} did not come up:\n${output.join("").slice(-2000)}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = await startPostgresServer();
  await applyMigrations(pg.url);
  await prepareDatabase(pg.url, { demo: false });
  const db = createPrismaClient(pg.url, 2);
  await db.user.create({
    data: { name: "双实例学员", email: EMAIL, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
  await db.$disconnect();

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(Buffer.concat(chunks).toString("utf8"));
        done();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp!.listen(smtpPort, "127.0.0.1", resolve));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: pg.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    ENQUIRY_NOTIFY_TO: "sales@e2e.test",
    TRUSTED_PROXIES: "loopback",
  };
  delete env.NEXTAUTH_URL;
  apps.push(await startApp(env), await startApp(env));
});

test.afterEach(async ({}, testInfo) => {
  // A failure shows what the two servers said.
  if (testInfo.status !== testInfo.expectedStatus)
    for (const a of apps) console.log(`── ${a.base} ──\n${a.output.join("").slice(-3000)}`);
});

test.afterAll(async () => {
  for (const a of apps) a.child.kill("SIGTERM");
  await Promise.all(
    apps.map((a) => new Promise((r) => (a.child.exitCode !== null ? r(null) : a.child.once("exit", r)))),
  );
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  pg?.destroy();
});

const address = () => `2001:db8:7717::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

async function signIn(ctx: APIRequestContext, base: string, password = PASSWORD) {
  const { csrfToken } = await (await ctx.get(`${base}/api/auth/csrf`)).json();
  const res = await ctx.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email: EMAIL, password, json: "true", callbackUrl: `${base}/me` },
    maxRedirects: 0,
  });
  return res.status();
}

test("a session made on one instance is valid on the other, and sign-out on one ends it on both", async () => {
  const [a, b] = apps;
  const ctx = await playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } });
  await signIn(ctx, a!.base);
  // Same host (127.0.0.1), different ports: the browser would send the cookie to both.
  expect((await ctx.get(`${b!.base}/me`, { maxRedirects: 0 })).status()).toBe(200);
  const { csrfToken } = await (await ctx.get(`${a!.base}/api/auth/csrf`)).json();
  const copy = await playwrightRequest.newContext({ storageState: await ctx.storageState() });
  await ctx.post(`${a!.base}/api/auth/signout`, { form: { csrfToken }, maxRedirects: 0 });
  expect((await copy.get(`${b!.base}/me`, { maxRedirects: 0 })).status()).toBe(307);
  expect((await copy.get(`${a!.base}/me`, { maxRedirects: 0 })).status()).toBe(307);
  await Promise.all([ctx.dispose(), copy.dispose()]);
});

test("the per-address sign-in limit counts attempts on both instances together", async () => {
  const ctx = await playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push(await signIn(ctx, apps[i % 2]!.base, `wrong-${i}`));
  expect(statuses.slice(0, 10)).not.toContain(429);
  expect(statuses[10]).toBe(429);
  await ctx.dispose();
});

test("each enquiry is mailed exactly once while both instances drain the outbox", async () => {
  test.setTimeout(90_000);
  const tag = `双实例咨询${Date.now() % 1_000_000}`;
  const clients = await Promise.all(
    Array.from({ length: 8 }, () =>
      playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } }),
    ),
  );
  const tokens = await Promise.all(
    clients.map(async (c, i) => (await (await c.get(`${apps[i % 2]!.base}/api/enquiries/token`)).json()).token),
  );
  await new Promise((r) => setTimeout(r, 3_200)); // the form's minimum fill time
  const sent = await Promise.all(
    clients.map((c, i) =>
      c.post(`${apps[i % 2]!.base}/api/enquiries`, {
        data: {
          name: `${tag}-${i}`,
          organisation: "示例银行",
          email: `buyer${i}@example.com`,
          consent: "on",
          formToken: tokens[i],
        },
      }),
    ),
  );
  expect(sent.map((r) => r.status())).toEqual(Array(8).fill(201));
  // Both instances start a drain right after each response; wait until all eight are in. (Only
  // this test sends mail to this SMTP server.)
  await expect.poll(() => mails.length, { timeout: 30_000 }).toBe(8);
  // Then trigger more drains on both (each new enquiry starts one) and check nothing went twice.
  const more = await playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } });
  const t = (await (await more.get(`${apps[0]!.base}/api/enquiries/token`)).json()).token;
  await new Promise((r) => setTimeout(r, 3_200));
  await more.post(`${apps[1]!.base}/api/enquiries`, {
    data: { name: `${tag}-last`, organisation: "示例银行", email: "last@example.com", consent: "on", formToken: t },
  });
  await expect.poll(() => mails.length, { timeout: 30_000 }).toBe(9);
  const db = createPrismaClient(pg!.url, 1);
  try {
    const rows = await db.enquiryNotification.findMany({
      where: { enquiry: { name: { startsWith: tag } } },
      select: { state: true, attempts: true },
    });
    // Every enquiry's notification was claimed once and sent once.
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.state === "SENT" && r.attempts === 1)).toBe(true);
  } finally {
    await db.$disconnect();
  }
  expect(mails).toHaveLength(9);
  await Promise.all([...clients, more].map((c) => c.dispose()));
});

test("a quiz attempt submitted to both instances at once is recorded once", async () => {
  const ctx = await playwrightRequest.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } });
  await signIn(ctx, apps[0]!.base);
  const start = await ctx.post(`${apps[0]!.base}/api/quizzes/evolution/attempts`, {
    headers: { Origin: apps[0]!.base },
  });
  expect(start.status()).toBeLessThan(300);
  const { attemptId } = await start.json();
  const [ra, rb] = await Promise.all(
    apps.map((app) =>
      ctx.post(`${app.base}/api/attempts/${attemptId}/submit`, {
        headers: { Origin: app.base },
        data: { answers: {} },
      }),
    ),
  );
  expect([ra!.status(), rb!.status()].every((s) => s === 200)).toBe(true);
  const [ja, jb] = [await ra!.json(), await rb!.json()];
  expect(ja.correct).toBe(jb.correct);
  const db = createPrismaClient(pg!.url, 1);
  try {
    expect(await db.attempt.count({ where: { id: attemptId, submittedAt: { not: null } } })).toBe(1);
    expect(await db.attempt.count({ where: { quizId: "evolution", user: { email: EMAIL } } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
  await ctx.dispose();
});
