import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations, diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from "@/lib/db/migrate";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { requireSystemTool, skipReason } from "../support/system-tools";

const noPostgres = skipReason("postgres");

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
};

/** What `prisma migrate deploy` leaves behind: one finished row per migration, checksum = sha256 of the file. */
async function expectPrismaHistory(url: string) {
  const rows = await query<MigrationRow>(
    url,
    "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name",
  );
  expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
  for (const row of rows) {
    const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
    expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.rolled_back_at).toBeNull();
    expect(row.applied_steps_count).toBe(1);
    expect(row.logs).toBeNull();
  }
}

async function expectSchemaApplied(url: string) {
  const tables = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Quiz", "_prisma_migrations"]));
}

describe("migrations on the embedded database (PGlite over the pg protocol)", () => {
  it("apply to a fresh database, record Prisma's history, and re-applying is a no-op", async () => {
    const db = await startEmbeddedDb({ port: 0 });
    try {
      expect(await applyMigrations(db.url)).toEqual(migrationNames);
      await expectSchemaApplied(db.url);
      await expectPrismaHistory(db.url);
      expect(await applyMigrations(db.url)).toEqual([]);
      await expectPrismaHistory(db.url);
    } finally {
      await db.stop();
    }
  });

  it("keep data in the data folder across a restart", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-"));
    try {
      const first = await startEmbeddedDb({ dataDir: dir, port: 0 });
      await applyMigrations(first.url);
      await query(first.url, `CREATE TABLE kept (hash text)`);
      await query(first.url, `INSERT INTO kept (hash) VALUES ('abc')`);
      await first.stop();

      const second = await startEmbeddedDb({ dataDir: dir, port: 0 });
      try {
        expect(await applyMigrations(second.url)).toEqual([]);
        const rows = await query<{ hash: string }>(second.url, `SELECT hash FROM kept`);
        expect(rows).toEqual([{ hash: "abc" }]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(noPostgres)(`migrations on a PostgreSQL server${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    requireSystemTool("postgres");
    server = await startPostgresServer();
  });
  afterAll(() => server?.destroy());

  it("apply to a fresh server, record Prisma's history, and re-applying is a no-op", async () => {
    const url = server!.url;
    expect(await applyMigrations(url)).toEqual(migrationNames);
    await expectSchemaApplied(url);
    await expectPrismaHistory(url);
    expect(await applyMigrations(url)).toEqual([]);
    await expectPrismaHistory(url);
  });
});

describe("schema and migrations agree", () => {
  it("prisma/schema.prisma has no change that lacks a migration (run npm run db:migration:new)", async () => {
    const snapshot = readFileSync(SNAPSHOT_PATH, "utf8");
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    expect(await diffSchemas(snapshot, schema)).toBeNull();
  });

  it("a schema change produces the SQL for it", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const changed = schema.replace("model Quiz {", "model Quiz {\n  note String?");
    expect(changed).not.toBe(schema);
    const sql = await diffSchemas(schema, changed);
    expect(sql).toMatch(/ALTER TABLE "Quiz" ADD COLUMN\s+"note" TEXT/);
  });
});
