// npm test — installs what the tests need and runs all of them: content check, type check, lint,
// format, unit + integration (Vitest, real PGlite and a real PostgreSQL server), browser (Playwright
// driving Debian's Chromium), and `npm start` on a clean copy of the repository. Exits non-zero if
// anything fails.
//
// System packages (Debian): chromium, postgresql, and a Chinese system font (fonts-noto-cjk: the
// browser tests print pages to PDF with Chromium and read the Chinese text back; without a CJK
// font Chromium draws empty boxes and the PDF has no Chinese in it). Installed with apt-get when
// missing and we are root. When that is impossible, the tests needing them are reported as skipped with the
// reason — except under CI=true, where nothing may be skipped and a missing package fails the run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { ensureDependencies } from "./start.mjs";
import { FAST_CHECKS } from "./validate.mjs";

const CI = Boolean(process.env.CI);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** Runs one step, its output streamed through and kept, so the summary can quote from it. */
function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "pipe"], env: { ...process.env, ...extraEnv } });
    const chunks = [];
    child.stdout.on("data", (c) => (process.stdout.write(c), chunks.push(c)));
    child.stderr.on("data", (c) => (process.stderr.write(c), chunks.push(c)));
    child.on("error", (e) => (chunks.push(Buffer.from(String(e))), resolve({ ok: false, output: chunks })));
    child.on("close", (code) => resolve({ ok: code === 0, output: chunks }));
  });
}

const hasPostgres = () =>
  existsSync("/usr/lib/postgresql") &&
  readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
/** fontconfig knows a font covering Chinese (fc-list comes with Chromium's dependencies). */
const hasCjkFont = () => {
  const r = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim().length > 0;
};
const tools = {
  chromium: { pkg: "chromium", present: () => existsSync("/usr/bin/chromium") },
  postgres: { pkg: "postgresql", present: hasPostgres },
  cjkFont: { pkg: "fonts-noto-cjk", present: hasCjkFont },
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
const outputs = new Map();
async function step(label, cmd, args, env) {
  const { ok, output } = await run(label, cmd, args, env);
  results.push([label, ok]);
  outputs.set(label, Buffer.concat(output).toString("utf8"));
}

await step("prisma generate", "node_modules/.bin/prisma", ["generate"], {
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, // offline: see scripts/lib/build-cache.ts
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
});
for (const [label, cmd, args] of FAST_CHECKS) await step(label, cmd, args);
// Both runners also write a JSON report, so the summary at the very end can name what failed: CI
// shows only the tail of a long run, and the failures themselves scroll far above it.
mkdirSync(".data", { recursive: true });
const VITEST_REPORT = ".data/vitest-report.json";
const PLAYWRIGHT_REPORT = ".data/playwright-report.json";
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
const VITEST = "unit + integration tests (vitest)";
await step(VITEST, "node_modules/.bin/vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${VITEST_REPORT}`,
]);
// The README's promise, kept: `npm start` on a clean copy of the repository (scripts/fresh-start-check.ts).
await step("fresh-clone npm start", "node_modules/.bin/tsx", ["scripts/fresh-start-check.ts"]);
const BROWSER = "browser tests (playwright + chromium)";
await step(BROWSER, "node_modules/.bin/playwright", ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
});

/** Text without terminal colours. */
const plain = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "");

/** First lines of a failure message, without terminal colours. */
const firstLines = (text, n = 6) =>
  plain(text)
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

/** What the page showed when the test failed: Playwright's error context (an ARIA snapshot of the
 * page), shortened. CI keeps only the tail of the output, and "element not found" alone does not
 * say whether the page showed an error, a stale screen or was still loading. */
function pageAtFailure(result) {
  const path = result?.attachments?.find((a) => a.name === "error-context")?.path;
  if (!path) return "";
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return "";
  }
  // The snapshot is the YAML block; its main landmark says more than the site's header.
  const yaml = text.indexOf("```yaml");
  if (yaml < 0) return "";
  let snapshot = text.slice(yaml + 7);
  const main = snapshot.search(/^\s*- main\b/m);
  if (main >= 0) snapshot = snapshot.slice(main);
  return `\n      page at failure:\n${firstLines(snapshot.replace(/```[\s\S]*$/, ""), 30)}`;
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
            firstLines(last?.error?.message ?? last?.errors?.[0]?.message) +
            pageAtFailure(last),
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
// Vitest also fails a run whose tests all passed when an error escaped them (an unhandled rejection
// or an error event after a test ended); its JSON report does not carry those, its output does.
const vitestOut = plain(outputs.get(VITEST));
const unhandled = vitestOut.indexOf("Unhandled Error");
if (unhandled >= 0) {
  const start = vitestOut.lastIndexOf("\n", unhandled) + 1;
  console.log(
    `vitest reported errors outside the tests:\n${vitestOut.slice(start).split("\n").slice(0, 40).join("\n")}`,
  );
}
// The app server's own errors during the browser tests (an exception in a server action shows in
// the browser only as a missing message).
const serverErrors = plain(outputs.get(BROWSER))
  .split("\n")
  .filter((l) => l.startsWith("[WebServer]") && /error|exception|unhandled|⨯/i.test(l))
  // A browser that closed a page mid-response (every test's end): not the app's error.
  .filter((l) => !/Error: aborted\s*$/.test(l));
if (failures.length && serverErrors.length)
  console.log(`app server errors during the browser tests (first 15):\n${serverErrors.slice(0, 15).join("\n")}`);
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
