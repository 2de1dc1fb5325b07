// Prisma CLI config (Prisma 7 reads the connection here, not in schema.prisma).
// Only `prisma generate` is used through the CLI; migrations go through scripts/db-migrate.ts,
// which works without downloading Prisma's native engines.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
