// Builds a Prisma client on the pg driver adapter. The app goes through lib/db/client.ts (one
// client per process); scripts, seeds and tests call this directly with the URL they were given.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, maxConnections = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000, max: maxConnections });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
