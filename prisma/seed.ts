// npm run db:seed — brings a migrated database up to date with content/. scripts/serve.ts calls
// prepareDatabase on every start; it is idempotent. (Demo accounts and attempts join it when the
// accounts feature lands; there is nothing personal to seed before that.)
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { createPrismaClient } from "@/lib/db/create-client";

export async function prepareDatabase(url: string) {
  const db = createPrismaClient(url, 2);
  try {
    return await syncContent(db, loadContent());
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { withDatabase } = await import("../scripts/lib/with-database");
  await withDatabase(async (url) => {
    const r = await prepareDatabase(url);
    console.log(r.changed ? "内容已同步 (content synced)" : "内容无变化 (content unchanged)");
  });
}
