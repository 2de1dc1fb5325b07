// Applies and creates Prisma migrations without the Prisma CLI's native schema engine.
//
// `prisma migrate deploy` downloads a native binary first, which fails on machines with no
// route to Prisma's servers (bank intranets, this project's CI). The same engine ships as
// WebAssembly (@prisma/schema-engine-wasm) and talks to the database through the pg driver
// adapter, so the history it writes to `_prisma_migrations` is the one `prisma migrate deploy`
// writes: either tool can take over from the other. See docs/decisions/0002-offline-migrations.md.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { startEmbeddedDb } from "./embedded";

const require = createRequire(import.meta.url);

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let enginePromise: Promise<EngineModule> | undefined;

/** Loads the wasm engine once per process. Node cannot `import` a .wasm file directly, so the
 * glue module is given the instantiated exports by hand (what the package's bundler entry does). */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(bgPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return enginePromise;
}

async function withEngine<T>(connectionString: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

/** Reads prisma/migrations the way the Prisma CLI does (folders sorted by name, migration.sql in each). */
export function listMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const folders = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names applied. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: listMigrations(dir), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

export const SNAPSHOT_PATH = path.resolve(process.cwd(), "prisma/migrated-schema.prisma");

/**
 * The SQL that takes a database from one Prisma schema to another (`from` null = empty database).
 * New migrations diff the snapshot of the schema as of the newest migration
 * (prisma/migrated-schema.prisma) against prisma/schema.prisma. Diffing against a live database
 * would need the engine to introspect it, which the wasm engine cannot do through the pg
 * adapter in this version ("Column type 'char' could not be deserialized"). Returns null when
 * there is nothing to change. The engine insists on a connection even for a pure diff, so it
 * gets a scratch in-memory PGlite that it never writes to.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string | null> {
  const scratch = await startEmbeddedDb({ port: 0 });
  const mod = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: scratch.url }));
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from:
        from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SNAPSHOT_PATH, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 0 ? null : (result.stdout ?? null);
  } finally {
    engine.free();
    await scratch.stop();
  }
}

/** Creates prisma/migrations/<timestamp>_<name>/migration.sql, as `prisma migrate dev --create-only` would. */
export function writeMigration(name: string, sql: string, dir = MIGRATIONS_DIR, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const safe =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const folder = path.join(dir, `${stamp}_${safe}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
