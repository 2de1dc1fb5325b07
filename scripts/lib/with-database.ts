// Gives a script a database URL: DATABASE_URL when set, otherwise the embedded database. When
// `npm start` already serves the embedded database, the script connects to that one (PGlite
// allows one process to own its files).
import net from "node:net";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";

function embeddedUrl(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Runs `work` against the database, first applying any pending migration (so a script such as
 * user:create works on a database that `npm start` has never touched), unless told not to. */
export async function withDatabase<T>(work: (url: string) => Promise<T>, { migrate = true } = {}): Promise<T> {
  const run = async (url: string) => {
    if (migrate) await applyMigrations(url);
    return work(url);
  };
  if (env.DATABASE_URL) return run(env.DATABASE_URL);
  if (await isListening(env.EMBEDDED_DB_PORT)) return run(embeddedUrl(env.EMBEDDED_DB_PORT));
  const db = await startEmbeddedDb({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  try {
    return await run(db.url);
  } finally {
    await db.stop();
  }
}
