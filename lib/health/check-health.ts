import "server-only";
import { getDb } from "@/lib/db/client";

export type Health = {
  status: "ok" | "error";
  database: "up" | "down";
  latencyMs: number;
  error?: string;
};

/** Asks the database a trivial question, giving up after `timeoutMs` so a hung server still gets
 * a prompt 503 (load balancers take the instance out instead of waiting on it). */
export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      status: "error",
      database: "down",
      latencyMs: Math.round(performance.now() - started),
      // The kind of failure only: connection strings and hostnames stay in the server log.
      error: err instanceof Error ? err.name : "Error",
    };
  } finally {
    clearTimeout(timer);
  }
}
