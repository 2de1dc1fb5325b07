// L8: the embedded database listens on loopback only, asks for the generated password, and keeps
// its files (and that password) where only the app's user can read them.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedDb } from "@/lib/db/embedded";

const mode = (p: string) => statSync(p).mode & 0o777;

describe("embedded database access", () => {
  it("refuses a wrong password and accepts the generated one", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "pglite-access-"));
    const db = await startEmbeddedDb({
      dataDir: path.join(root, ".data", "pglite"),
      port: 0,
      secretsDir: path.join(root, ".data"),
    });
    try {
      const wrong = new pg.Client({
        connectionString: `postgresql://postgres:postgres@127.0.0.1:${db.port}/postgres?sslmode=disable`,
      });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
      const right = new pg.Client({ connectionString: db.url });
      await right.connect();
      expect((await right.query("SELECT 1 + 1 AS two")).rows).toEqual([{ two: 2 }]);
      await right.end();

      expect(mode(path.join(root, ".data"))).toBe(0o700);
      expect(mode(path.join(root, ".data", "pglite"))).toBe(0o700);
      expect(mode(path.join(root, ".data", "db-password"))).toBe(0o600);
    } finally {
      await db.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("never loosens or tightens a shared parent folder such as /tmp", async () => {
    const before = mode(os.tmpdir());
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-data-"));
    const db = await startEmbeddedDb({ dataDir: dir, port: 0 });
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(mode(os.tmpdir())).toBe(before);
  });

  it("keeps the same password across restarts, so scripts and the app agree", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "pglite-access-"));
    try {
      const first = await startEmbeddedDb({ dataDir: path.join(root, "pglite"), port: 0, secretsDir: root });
      const url = new URL(first.url);
      await first.stop();
      const second = await startEmbeddedDb({ dataDir: path.join(root, "pglite"), port: 0, secretsDir: root });
      expect(new URL(second.url).password).toBe(url.password);
      await second.stop();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
