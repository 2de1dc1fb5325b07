// Prepares everything and serves the site: `node scripts/start.mjs [dev]` (npm start / npm run dev).
//  1. generate the Prisma client when the schema changed
//  2. database: DATABASE_URL, or the embedded PGlite served on loopback (data in EMBEDDED_DB_DIR)
//  3. apply pending migrations, sync content/
//  4. build when the sources changed since the last build (so a second start is fast)
//  5. run `next start` (or `next dev`) with DATABASE_URL pointing at the database
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuild, ensurePrismaClient } from "./lib/build-cache";

const CLIENT_ADDRESS_HOOK = pathToFileURL("scripts/lib/client-address-hook.mjs").href;

if (existsSync(".env")) process.loadEnvFile(".env");
// No network here or on most bank intranets: don't let Next try to send telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const mode = process.argv[2] === "dev" ? "dev" : process.argv[2] === "prepare" ? "prepare" : "start";
// `next start` serves a production build; say so to lib/env and to Next.
if (mode !== "dev") (process.env as Record<string, string>).NODE_ENV ??= "production";

// Generate the Prisma client before anything below is imported: the seed and the database
// helpers import lib/generated/, which a fresh clone does not have yet.
ensurePrismaClient();

const { env } = await import("@/lib/env");
const { startEmbeddedDb } = await import("@/lib/db/embedded");
const { ensureAuthSecret } = await import("./lib/auth-secret");

/** Migrations, content sync and (when wanted) demo data, on the database at `url`. */
async function prepare(url: string) {
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { prepareDatabase, wantsDemoData } = await import("../prisma/seed");
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`已应用迁移 (migrations applied): ${applied.join(", ")}`);
  const prepared = await prepareDatabase(url, { demo: wantsDemoData(env) });
  if (prepared.quizzesChanged) console.log("测验题目已同步 (quiz questions synced)");
  if (prepared.demoCreated) console.log("已创建演示账号 (demo accounts created; see README)");
}

const embedded = () =>
  startEmbeddedDb({
    dataDir: env.EMBEDDED_DB_DIR,
    port: env.EMBEDDED_DB_PORT,
    // .data/: the database password beside the session secret (scripts/lib/auth-secret.ts)
    secretsDir: path.dirname(path.resolve(env.EMBEDDED_DB_DIR)),
  });

if (mode === "prepare") {
  // The child below: prepare the embedded database, stop it, exit.
  const db = await embedded();
  try {
    await prepare(db.url);
  } finally {
    await db.stop();
  }
  process.exit(0);
}

let stopDb: (() => Promise<void>) | undefined;
let url = env.DATABASE_URL;
if (url) {
  await prepare(url);
} else {
  // The embedded database is prepared by a short-lived child process first. PGlite's WebAssembly
  // memory only ever grows, and creating the database files (initdb), migrating and loading the
  // demo data grow it by a few hundred MB; in a child that exits, that memory goes back to the
  // system, and the process that stays up opens the ready files. (Issue 14: the memory of the
  // embedded default on small intranet VMs.) It costs one more database open per start, ~1 s.
  const child = spawn(process.execPath, ["scripts/start.mjs", "prepare"], { stdio: "inherit", env: process.env });
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) {
    console.error("数据库准备失败 (preparing the embedded database failed); see the output above.");
    process.exit(code);
  }
  const db = await embedded();
  url = db.url;
  stopDb = db.stop;
  console.log(`内嵌数据库已就绪 (embedded PostgreSQL on 127.0.0.1:${db.port}, data in ${env.EMBEDDED_DB_DIR})`);
}

const authEnv = ensureAuthSecret(env);

if (mode === "start") await ensureBuild();

const next = spawn("node_modules/.bin/next", [mode, "--port", String(env.PORT), "--hostname", env.HOSTNAME], {
  stdio: ["inherit", "pipe", "inherit"],
  env: {
    ...process.env,
    ...authEnv,
    DATABASE_URL: url,
    // Decides each request's client address from the TCP peer and TRUSTED_PROXIES.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${CLIENT_ADDRESS_HOOK}`].filter(Boolean).join(" "),
  },
});
let announced = false;
next.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server/i.test(chunk.toString())) {
    announced = true;
    console.log(`\n课程网站已启动 (site is up): http://localhost:${env.PORT}\n`);
  }
});

const nextExited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
let stopping = false;
// Stop in order and wait for each part: Next first (it may be answering requests that use the
// database), then the embedded database, so nothing is left running when `npm start` returns.
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null && next.signalCode === null) {
    next.kill("SIGTERM");
    const timer = setTimeout(() => next.kill("SIGKILL"), 10_000);
    await nextExited;
    clearTimeout(timer);
  }
  await stopDb?.();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 0));
