// npm run db:migrate             apply pending migrations to DATABASE_URL (or the embedded db)
// npm run db:migration:new NAME  write prisma/migrations/<timestamp>_NAME/migration.sql from the
//                                change in prisma/schema.prisma since the last migration
// Both work offline; see docs/decisions/0002-offline-migrations.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { applyMigrations, diffSchemas, SCHEMA_PATH, SNAPSHOT_PATH, writeMigration } from "@/lib/db/migrate";
import { withDatabase } from "./lib/with-database";

const [command, name] = process.argv.slice(2);

if (command === "deploy") {
  await withDatabase(
    async (url) => {
      const applied = await applyMigrations(url);
      console.log(
        applied.length ? `已应用迁移 (applied): ${applied.join(", ")}` : "数据库已是最新 (no pending migrations)",
      );
    },
    { migrate: false },
  );
} else if (command === "new") {
  if (!name) {
    console.error("用法 (usage): npm run db:migration:new -- <name>");
    process.exit(2);
  }
  const current = readFileSync(SCHEMA_PATH, "utf8");
  const previous = existsSync(SNAPSHOT_PATH) ? readFileSync(SNAPSHOT_PATH, "utf8") : null;
  const sql = await diffSchemas(previous, current);
  if (!sql) {
    console.log("schema.prisma 与最新迁移一致,无需新迁移 (no changes)");
  } else {
    const folder = writeMigration(name, sql);
    writeFileSync(SNAPSHOT_PATH, current);
    console.log(`已生成 (created) ${folder}/migration.sql — 请检查后提交 (review it, then commit)`);
  }
} else {
  console.error("用法 (usage): tsx scripts/db-migrate.ts deploy | new <name>");
  process.exit(2);
}
