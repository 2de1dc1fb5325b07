// npm test's newcomer check: does `npm start` work on a clean copy of the repository, the way the
// README promises? A copy of the working tree holds only what git would check out (tracked files
// plus new, not-ignored ones): no lib/generated/, no .next/, no .data/, no node_modules/.prisma.
// node_modules is hard-linked from this checkout (installing it again proves nothing new: CI's own
// clone has just installed it from the lock file).
//
// First start: app up on a free port → GET /api/health 200 → landing, a lesson, /enquiry, /login
// answer 200 → a demo learner signs in through the real form in Chromium → SIGTERM, clean exit.
// Second start: must reuse the build (no `next build`), its time printed.
// Any failure prints the tail of the server's output.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { freePort } from "../tests/support/postgres-server";

const repo = process.cwd();
const CI = Boolean(process.env.CI);
const DEMO_LEARNER = { email: "learner1@demo.local", password: "course-demo-2026" };
const FIRST_START_LIMIT_MS = 10 * 60_000; // includes `next build` on a busy 2-core machine
const LATER_START_LIMIT_MS = 2 * 60_000;

/** What a fresh clone would contain: tracked files and new files git does not ignore. */
function copyWorkingTree(dest: string) {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repo,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString()
    .split("\0")
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(repo, f);
    if (!existsSync(from)) continue; // deleted but not yet committed
    mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    // Timestamps kept, so package-lock.json is not newer than the installed tree (which would
    // make start.mjs reinstall into hard-linked files).
    cpSync(from, path.join(dest, f), { preserveTimestamps: true });
  }
  return files.length;
}

/** Hard-link node_modules into the copy, leaving out anything generated from this checkout. */
function linkNodeModules(dest: string) {
  const src = path.join(repo, "node_modules");
  if (!existsSync(src)) throw new Error("node_modules is missing: run npm install first");
  execFileSync("cp", ["-al", src, path.join(dest, "node_modules")]);
  for (const generated of [".prisma", ".cache"]) {
    rmSync(path.join(dest, "node_modules", generated), { recursive: true, force: true });
  }
}

type Server = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

function startApp(dir: string, port: number, dbPort: number): Server {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1" };
  env.EMBEDDED_DB_PORT = String(dbPort);
  // A newcomer's shell: no database, no build settings of ours.
  for (const k of ["DATABASE_URL", "NODE_ENV", "EMBEDDED_DB_DIR", "NEXTAUTH_URL", "SMTP_URL", "SEED_DEMO_DATA"])
    delete env[k];
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: dir,
    env,
    detached: true, // its own process group, so a hung tree can be killed whole
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(...b.toString().split("\n"));
    if (output.length > 2000) output.splice(0, output.length - 2000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitForHealth(base: string, server: Server, limitMs: number) {
  const deadline = Date.now() + limitMs;
  let exitCode: number | null | undefined;
  void server.exited.then((c) => (exitCode = c));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`npm start exited (code ${exitCode}) before the site came up`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET /api/health did not answer 200 within ${limitMs / 1000} s`);
}

async function expectPage(base: string, pathname: string): Promise<string> {
  const res = await fetch(base + pathname, { redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}, expected 200`);
  return res.text();
}

async function signInThroughForm(base: string) {
  if (!existsSync("/usr/bin/chromium")) {
    if (CI) throw new Error("/usr/bin/chromium is missing; under CI nothing may be skipped");
    console.warn("  ! Chromium is not installed: signing in through the form skipped");
    return;
  }
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ baseURL: base });
    await page.goto("/login");
    await page.getByLabel("邮箱").fill(DEMO_LEARNER.email);
    await page.getByLabel("密码").fill(DEMO_LEARNER.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/me/, { timeout: 30_000 });
    const heading = await page.getByRole("heading", { level: 1 }).first().textContent();
    console.log(`  ✓ ${DEMO_LEARNER.email} signed in through /login, landed on /me (“${heading?.trim()}”)`);
  } finally {
    await browser.close();
  }
}

async function stopApp(server: Server) {
  server.child.kill("SIGTERM");
  const code = await Promise.race([server.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 20_000))]);
  if (code === "hung") {
    process.kill(-server.child.pid!, "SIGKILL");
    throw new Error("npm start did not stop within 20 s of SIGTERM");
  }
  if (code !== 0) throw new Error(`npm start exited with code ${code} after SIGTERM, expected 0`);
  // Nothing of the tree may outlive it (next-server, the embedded database). Zombies (already
  // exited, waiting to be reaped by a container's init) are not running and do not count.
  await new Promise((r) => setTimeout(r, 300));
  let left = "";
  try {
    left = execFileSync("ps", ["-o", "pid=,stat=,args=", "-g", String(server.child.pid)])
      .toString()
      .split("\n")
      .filter((l) => l.trim() && !/^\s*\d+\s+Z/.test(l))
      .join("\n");
  } catch {
    // ps exits 1 when the group is empty
  }
  if (left) {
    process.kill(-server.child.pid!, "SIGKILL");
    throw new Error(`processes of npm start were still running after it exited:\n${left}`);
  }
}

async function run(dir: string, label: string, limitMs: number, pages: boolean) {
  const [port, dbPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  const server = startApp(dir, port, dbPort);
  try {
    await waitForHealth(base, server, limitMs);
    const upMs = Date.now() - t0;
    console.log(`  ✓ ${label}: GET /api/health 200 after ${(upMs / 1000).toFixed(1)} s`);
    if (pages) {
      // Follow the links a reader would: the course page → its first module → that module's first lesson.
      const course = await expectPage(base, "/course");
      const moduleHref = course.match(/href="(\/course\/[^/"?#]+)"/)?.[1];
      if (!moduleHref) throw new Error("/course links to no module");
      const modulePage = await expectPage(base, moduleHref);
      const lesson = modulePage.match(/href="(\/course\/[^/"?#]+\/[^/"?#]+)"/)?.[1];
      if (!lesson) throw new Error(`${moduleHref} links to no lesson`);
      for (const p of ["/", lesson, "/enquiry", "/login"]) await expectPage(base, p);
      console.log(`  ✓ 200 for /, ${lesson}, /enquiry, /login`);
      await signInThroughForm(base);
    } else {
      await expectPage(base, "/");
    }
    await stopApp(server);
    console.log(`  ✓ ${label}: stopped cleanly on SIGTERM`);
    return { upMs, output: server.output };
  } catch (e) {
    console.error(`  ✗ ${label}: ${(e as Error).message}`);
    console.error(`  ── last lines of the server's output ──`);
    console.error(
      server.output
        .slice(-60)
        .map((l) => `  | ${l}`)
        .join("\n"),
    );
    try {
      process.kill(-server.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    throw e;
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), "course-fresh-"));
let ok = false;
try {
  const n = copyWorkingTree(dir);
  linkNodeModules(dir);
  for (const generated of ["lib/generated", ".next", ".data"]) {
    if (existsSync(path.join(dir, generated))) throw new Error(`${generated} was carried into the clean copy`);
  }
  console.log(`clean copy of the repository (${n} files, nothing generated) in ${dir}`);
  await run(dir, "first npm start", FIRST_START_LIMIT_MS, true);
  const second = await run(dir, "second npm start", LATER_START_LIMIT_MS, false);
  if (second.output.some((l) => l.includes("next build"))) throw new Error("the second start rebuilt the site");
  if (!second.output.some((l) => l.includes("沿用上次构建")))
    throw new Error("the second start did not report reusing the build");
  console.log(`  ✓ second start reused the build and data: up in ${(second.upMs / 1000).toFixed(1)} s`);
  ok = true;
} catch (e) {
  console.error(`fresh-start check failed: ${(e as Error).message}`);
} finally {
  if (ok || CI) rmSync(dir, { recursive: true, force: true });
  else if (existsSync(dir) && lstatSync(dir).isDirectory() && readdirSync(dir).length)
    console.error(`(copy kept in ${dir})`);
}
console.log(`fresh-start: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
