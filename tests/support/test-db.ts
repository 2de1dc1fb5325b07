// A migrated in-memory PGlite per test file, with a Prisma client on it. Each file gets its own
// database, so files can run in parallel without seeing each other's rows.
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

export type TestDb = { db: PrismaClient; url: string; close(): Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const server: EmbeddedDb = await startEmbeddedDb({ port: 0 });
  await applyMigrations(server.url);
  const db = createPrismaClient(server.url, 4);
  return {
    db,
    url: server.url,
    async close() {
      await db.$disconnect();
      await server.stop();
    },
  };
}
