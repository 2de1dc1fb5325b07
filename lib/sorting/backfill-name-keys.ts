// Fills User.nameSortKey where it is empty: rows written by hand or by SQL (a bulk load, a bench)
// rather than through lib/auth/accounts.ts. Run on every start; a no-op once all keys are there.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { nameSortKey } from "./pinyin";

const BATCH = 1_000;

export async function backfillNameSortKeys(db: PrismaClient): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.user.findMany({
      // An empty name's key is itself "": leave it out, or it would be fetched again forever.
      where: { nameSortKey: "", NOT: { name: "" } },
      select: { id: true, name: true },
      take: BATCH,
    });
    if (rows.length === 0) return filled;
    await db.$executeRaw`
      UPDATE "User" u SET "nameSortKey" = k.key
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => nameSortKey(r.name))}::text[]) AS k(id, key)
      WHERE u.id = k.id`;
    filled += rows.length;
    if (rows.length < BATCH) return filled;
  }
}
