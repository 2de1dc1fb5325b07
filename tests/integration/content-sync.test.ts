import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

describe("syncContent", () => {
  let db: EmbeddedDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await startEmbeddedDb({ port: 0 });
    await applyMigrations(db.url);
    prisma = createPrismaClient(db.url, 2);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.stop();
  });

  it("records the content version once; syncing the same content again changes nothing", async () => {
    const content = loadContent(path.resolve("tests/fixtures/content-valid"));
    expect(await syncContent(prisma, content)).toEqual({ changed: true });
    expect(await syncContent(prisma, content)).toEqual({ changed: false });
    const rows = await prisma.contentRelease.findMany({
      select: { hash: true, modules: true, lessons: true, cases: true },
    });
    expect(rows).toEqual([{ hash: content.hash, modules: 2, lessons: 2, cases: 1 }]);
  });
});
