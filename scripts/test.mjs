// npm test — installs what the tests need and runs all of them: content check, type check, lint,
// format, unit + integration (Vitest, real PGlite and a real PostgreSQL server), browser (Playwright
// driving Debian's Chromium), and `npm start` on a clean copy of the repository. Exits non-zero if
// anything fails.
//
// System packages (Debian): chromium, postgresql. Installed with apt-get when missing and we
// are root. When that is impossible, the tests needing them are reported as skipped with the
// reason — except under CI=true, where nothing may be skipped and a missing package fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
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
step("unit + integration tests (vitest)", "node_modules/.bin/vitest", ["run"]);
// The README's promise, kept: `npm start` on a clean copy of the repository (scripts/fresh-start-check.ts).
step("fresh-clone npm start", "node_modules/.bin/tsx", ["scripts/fresh-start-check.ts"]);
step("browser tests (playwright + chromium)", "node_modules/.bin/playwright", ["test"]);

console.log("\n── 测试汇总 (summary) ──");
for (const [label, ok] of results) console.log(`${ok ? "✓" : "✗"} ${label}`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
