// The one Prisma client of the app, created once per process (and kept across hot reloads in
// development, which would otherwise open a new pool on every edit).
import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./create-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!env.DATABASE_URL) {
    // scripts/serve.ts always sets it (embedded database or the configured server); reaching
    // this means the app was started some other way.
    throw new Error("DATABASE_URL 未设置：请用 npm start 启动（它会提供内嵌数据库），或设置 DATABASE_URL。");
  }
  globalForPrisma.prisma ??= createPrismaClient(env.DATABASE_URL);
  return globalForPrisma.prisma;
}
