// Where the browser tests' app and its embedded database listen (shared by playwright.config.ts
// and the specs that look into the database to prove a bad input created nothing).
import { readFileSync } from "node:fs";
import pg from "pg";
import { loadContent } from "@/lib/content/load";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? 54_339);
// The app's start (lib/db/embedded.ts) generates the database password beside its files.
const e2eDbUrl = () =>
  `postgresql://postgres:${encodeURIComponent(readFileSync(".data/e2e/db-password", "utf8").trim())}@127.0.0.1:${E2E_DB_PORT}/postgres?sslmode=disable`;

export async function queryE2eDb<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDbUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function countUsers(email: string): Promise<number> {
  const rows = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email = $1`, [email]);
  return Number(rows[0]?.n ?? 0);
}

/** A fresh address per test run, so tests never collide with earlier runs' accounts. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}

/** Every lesson ticked and every module quiz passed, written straight in (as if done by hand).
 * The final assessment is left to the test: it opens now. */
export async function finishModules(userId: string, except: { quiz?: string } = {}) {
  for (const m of loadContent().modules) {
    for (const l of m.lessons) {
      await queryE2eDb(
        `INSERT INTO "LessonProgress" ("userId", "moduleSlug", "lessonSlug") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [userId, m.slug, l.slug],
      );
    }
  }
  await queryE2eDb(
    `INSERT INTO "Attempt" (id, "userId", "quizId", "questionIds", "submittedAt", correct, total, percent, passed)
     SELECT 'done-' || q.id || '-' || $1, $1, q.id, ARRAY[]::text[], now(), 1, 1, 100, true FROM "Quiz" q
     WHERE q."moduleSlug" IS NOT NULL AND q.id <> $2`,
    [userId, except.quiz ?? ""],
  );
}
