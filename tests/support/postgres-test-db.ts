// A migrated database on a throwaway PostgreSQL server (Debian's package) with a Prisma client,
// for integration tests that must hold on a real server: isolation, concurrency. Tests using it
// skip (outside CI) when the server is not installed; see tests/support/system-tools.ts.
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { startPostgresServer } from "./postgres-server";
import { requireSystemTool, skipReason } from "./system-tools";

export const noPostgres = skipReason("postgres");

export type PostgresTestDb = { db: PrismaClient; url: string; close(): Promise<void> };

export async function createPostgresTestDb(maxConnections = 10): Promise<PostgresTestDb> {
  requireSystemTool("postgres");
  const server = await startPostgresServer();
  await applyMigrations(server.url);
  const db = createPrismaClient(server.url, maxConnections);
  return {
    db,
    url: server.url,
    async close() {
      await db.$disconnect();
      server.destroy();
    },
  };
}
