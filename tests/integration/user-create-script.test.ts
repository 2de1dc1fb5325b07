// The README's command for the first administrator, run as an operator would (tsx, no Next.js):
// nothing it imports may be Next-only ("server-only" throws outside React's server build).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/postgres-server";

describe("npm run user:create", () => {
  it("creates an administrator on the embedded database, and refuses a weak password", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "user-create-"));
    const env = {
      ...process.env,
      EMBEDDED_DB_DIR: path.join(dir, ".data", "pglite"),
      EMBEDDED_DB_PORT: String(await freePort()),
      DATABASE_URL: "",
    };
    const run = (password: string) =>
      spawnSync(
        "node_modules/.bin/tsx",
        ["scripts/user-create.ts", "--email", "boss@bank.cn", "--role", "ADMIN", "--name", "王敏"],
        { env: { ...env, USER_PASSWORD: password }, encoding: "utf8", timeout: 120_000 },
      );
    try {
      const weak = run("Password1!");
      expect(weak.status, weak.stderr).not.toBe(0);
      const ok = run("长城卡 分行 经营 2026");
      expect(ok.status, ok.stderr + ok.stdout).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
