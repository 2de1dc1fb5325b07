// npm test — installs what the tests need and runs all of them: content check, type check, lint,
// format, unit + integration (Vitest, real PGlite and a real PostgreSQL server), browser (Playwright
// driving Debian's Chromium), and `npm start` on a clean copy of the repository. Exits non-zero if
// anything fails.
//
// System packages (Debian): chromium, postgresql. Installed with apt-get when missing and we
// are root. When that is impossible, the tests needing them are reported as skipped with the
// reason — except under CI=true, where nothing may be skipped and a missing package fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { ensureDependencies } from "./start.mjs";
import { FAST_CHECKS } from "./validate.mjs";

const CI = Boolean(process.env.CI);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return res.status === 0;
}

const hasPostgres = () =>
  existsSync("/usr/lib/postgresql") &&
  readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const tools = {
  chromium: { pkg: "chromium", present: () => existsSync("/usr/bin/chromium") },
  postgres: { pkg: "postgresql", present: hasPostgres },
};

function installSystemPackages() {
  const missing = Object.entries(tools).filter(([, t]) => !t.present());
  if (missing.length === 0) return;
  const pkgs = missing.map(([, t]) => t.pkg);
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (canApt) {
    console.log(`安装系统软件包 (installing ${pkgs.join(", ")} with apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
  }
  for (const [name, t] of missing) {
    if (t.present()) continue;
    const reason = canApt
      ? `apt-get could not install ${t.pkg}`
      : `${t.pkg} is not installed and cannot be installed here (needs root on Debian: apt-get install ${t.pkg})`;
    if (CI) {
      console.error(`✗ ${reason}; under CI nothing may be skipped.`);
      process.exit(1);
    }
    console.warn(`! ${reason}: tests that need ${name} will be skipped.`);
    process.env[`SKIP_${name.toUpperCase()}_REASON`] = reason;
  }
}

ensureDependencies();
installSystemPackages();

const results = [];
const step = (label, cmd, args, env) => results.push([label, run(label, cmd, args, env)]);

step("prisma generate", "node_modules/.bin/prisma", ["generate"], {
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, // offline: see scripts/lib/build-cache.ts
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
});
for (const [label, cmd, args] of FAST_CHECKS) step(label, cmd, args);
// Both runners also write a JSON report, so the summary at the very end can name what failed: CI
// shows only the tail of a long run, and the failures themselves scroll far above it.
mkdirSync(".data", { recursive: true });
const VITEST_REPORT = ".data/vitest-report.json";
const PLAYWRIGHT_REPORT = ".data/playwright-report.json";
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
step("unit + integration tests (vitest)", "node_modules/.bin/vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${VITEST_REPORT}`,
]);
// The README's promise, kept: `npm start` on a clean copy of the repository (scripts/fresh-start-check.ts).
step("fresh-clone npm start", "node_modules/.bin/tsx", ["scripts/fresh-start-check.ts"]);
step("browser tests (playwright + chromium)", "node_modules/.bin/playwright", ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
});

/** First lines of a failure message, without terminal colours. */
const firstLines = (text, n = 6) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((l) => l.trim())
    .slice(0, n)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join("\n");

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function vitestFailures() {
  const report = readJson(VITEST_REPORT);
  if (!report) return [];
  const out = [];
  for (const file of report.testResults ?? []) {
    const name = file.name?.replace(process.cwd() + "/", "") ?? "?";
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failed) out.push(`  ✗ ${name} › ${t.fullName}\n${firstLines(t.failureMessages?.join("\n"))}`);
    // A file that failed before any test ran (import error, hook failure) has no failed test.
    if (failed.length === 0 && file.status === "failed") out.push(`  ✗ ${name}\n${firstLines(file.message)}`);
  }
  return out;
}

function playwrightFailures() {
  const report = readJson(PLAYWRIGHT_REPORT);
  if (!report) return [];
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const last = test.results?.at(-1);
        const mark = test.status === "flaky" ? "~ (passed on retry)" : "✗";
        out.push(
          `  ${mark} [${test.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}\n` +
            firstLines(last?.error?.message ?? last?.errors?.[0]?.message),
        );
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // Top-level suites are the spec files; nested ones are describe blocks.
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const e of report.errors ?? []) out.push(`  ✗ ${firstLines(e.message)}`);
  return out;
}

console.log("\n── 测试汇总 (summary) ──");
for (const [label, ok] of results) console.log(`${ok ? "✓" : "✗"} ${label}`);
const failed = results.filter(([, ok]) => !ok).length;
const failures = [...vitestFailures(), ...playwrightFailures()];
if (failures.length) console.log(`failed tests:\n${failures.join("\n")}`);
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
