// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served on loopback over
// the Postgres wire protocol, so the app, migrations and tests speak plain pg to it exactly as
// they would to a PostgreSQL server. See docs/decisions/0001-embedded-pglite.md.
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = {
  url: string;
  port: number;
  stop(): Promise<void>;
};

export type EmbeddedDbOptions = {
  /** Folder for the database files; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  /** Loopback port; 0 picks a free one. */
  port: number;
};

function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(
        new Error(
          `内嵌数据库端口 ${port} 已被占用：是否已有一个 npm start 在运行？可用 EMBEDDED_DB_PORT 换一个端口。` +
            ` (port ${port} is in use; set EMBEDDED_DB_PORT)`,
        ),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

type QueryQueue = {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
};

// Frontend messages of the extended query protocol that only take effect at the next Sync:
// Parse, Bind, Describe, Execute, Close.
const DEFERRED = new Set(["P", "B", "D", "E", "C"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket queues each protocol message on its own, and all connections share PGlite's one
 * session. When a connection's Parse and its Bind/Execute arrive in separate TCP reads (under
 * load), another connection's Parse could slip in between, replace the unnamed statement, and
 * send that query's rows to the wrong client. This holds a connection's Parse/Bind/Describe/
 * Execute/Close back until its Sync (or Flush, or a simple Query) and runs them as one unit.
 * tests/integration/embedded-concurrency.test.ts reproduces the interleaving.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const enqueue = queue.enqueue.bind(queue);
  const held = new Map<number, Uint8Array[]>();
  queue.enqueue = (handlerId, message, onData) => {
    const pending = held.get(handlerId);
    if (DEFERRED.has(message[0]!)) {
      if (pending) pending.push(message);
      else held.set(handlerId, [message]);
      return Promise.resolve(0);
    }
    if (!pending) return enqueue(handlerId, message, onData);
    held.delete(handlerId);
    return enqueue(handlerId, Buffer.concat([...pending, message]), onData);
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    held.delete(handlerId); // the connection went away mid-query
    clear(handlerId);
  };
}

export async function startEmbeddedDb({ dataDir, port }: EmbeddedDbOptions): Promise<EmbeddedDb> {
  await assertPortFree(port);
  let dir: string | undefined;
  if (dataDir) {
    dir = path.resolve(dataDir);
    mkdirSync(dir, { recursive: true });
  }
  const db = await PGlite.create(dir ? { dataDir: dir } : {});
  // Several pool connections may open at once; PGlite runs their queries one at a time, and a
  // transaction holds the others until it ends (correct, but serial: fine for one machine).
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  keepExtendedQueriesWhole(server);
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  const actualPort = Number(conn.split(":").pop());
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
