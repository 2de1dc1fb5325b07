// Roster import of 2,000 rows on the embedded database (PGlite), as a trainer's upload would run
// it: parse-and-validate, then one transaction. Issue 16 asks for "seconds".
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { applyRosterImport } from "@/lib/roster/import";
import { ROSTER_HEADERS, validateRoster } from "@/lib/roster/validate";

export async function benchRosterImport(rows = 2000) {
  const server = await startEmbeddedDb({ port: 0 });
  const db = createPrismaClient(server.url, 4);
  try {
    await applyMigrations(server.url);
    const org = await db.organisation.create({ data: { name: "基准银行", code: "BENCH" }, select: { id: true } });
    const trainer = await db.user.create({
      data: { email: "t@bench.local", name: "培训师", passwordHash: "x", role: "TRAINER" },
      select: { id: true },
    });
    const cohort = await db.cohort.create({
      data: { name: "两千人班", inviteCode: "ROSTER01", trainerId: trainer.id, organisationId: org.id },
      select: { id: true },
    });
    // The re-import moves everyone to another 分行, so each of its rows is a real update.
    const table = (shift: number) => [
      [...ROSTER_HEADERS],
      ...Array.from({ length: rows }, (_, i) => [
        `学员${i}`,
        String(100000 + i),
        `139${String(i).padStart(8, "0")}`,
        "",
        `第${(i + shift) % 12}分行`,
        `第${i % 40}支行`,
        "客户经理",
      ]),
    ];
    const t0 = performance.now();
    const check = validateRoster(table(0));
    const moved = validateRoster(table(1));
    if (!check.ok || !moved.ok) throw new Error("bench roster invalid");
    const t1 = performance.now();
    const first = await applyRosterImport(
      db,
      { id: null, name: "bench" },
      { id: cohort.id, organisationId: org.id },
      check.rows,
    );
    const t2 = performance.now();
    const again = await applyRosterImport(
      db,
      { id: null, name: "bench" },
      { id: cohort.id, organisationId: org.id },
      moved.rows,
    );
    const t3 = performance.now();
    if (!first.ok || !again.ok || again.updated !== rows) throw new Error("import refused");
    return {
      rows,
      validateMs: Math.round((t1 - t0) / 2),
      createMs: Math.round(t2 - t1),
      reimportMs: Math.round(t3 - t2),
    };
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRosterImport());
}
