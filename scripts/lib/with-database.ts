// Gives a script a database URL: DATABASE_URL when set, otherwise the embedded database. When
// `npm start` already serves the embedded database, the script connects to that one (PGlite
// allows one process to own its files).
import net from "node:net";
import path from "node:path";
import { embeddedDbPassword, embeddedDbUrl, startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";

/** `.data/` for the default EMBEDDED_DB_DIR: the database password lives beside its files. */
export const secretsDir = () => path.dirname(path.resolve(env.EMBEDDED_DB_DIR));

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
  if (await isListening(env.EMBEDDED_DB_PORT))
    return run(embeddedDbUrl(env.EMBEDDED_DB_PORT, embeddedDbPassword(secretsDir())));
  const db = await startEmbeddedDb({
    dataDir: env.EMBEDDED_DB_DIR,
    port: env.EMBEDDED_DB_PORT,
    secretsDir: secretsDir(),
  });
  try {
    return await run(db.url);
  } finally {
    await db.stop();
  }
}
