// npm run validate — the fast checks, for before a commit: content, types, lint, format and the
// unit tests. No system packages, no database server, no browser (npm test runs everything).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const FAST_CHECKS = [
  ["content check", "node_modules/.bin/tsx", ["scripts/content-check.ts"]],
  ["typecheck", "node_modules/.bin/tsc", ["--noEmit"]],
  ["lint (eslint)", "node_modules/.bin/eslint", ["."]],
  ["format (prettier --check)", "node_modules/.bin/prettier", ["--check", "--log-level", "warn", "."]],
];

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/validate.mjs");
if (isMain) {
  const checks = [...FAST_CHECKS, ["unit tests (vitest)", "node_modules/.bin/vitest", ["run", "--project", "unit"]]];
  let failed = 0;
  if (!existsSync("lib/generated/prisma/client.ts")) {
    // The type check needs the generated client; offline, as in scripts/lib/build-cache.ts.
    spawnSync("node_modules/.bin/prisma", ["generate"], {
      stdio: "inherit",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
  for (const [label, cmd, args] of checks) {
    console.log(`\n▶ ${label}`);
    const ok = spawnSync(cmd, args, { stdio: "inherit" }).status === 0;
    if (!ok) failed++;
    console.log(`${ok ? "✓" : "✗"} ${label}`);
  }
  console.log(`validate: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
