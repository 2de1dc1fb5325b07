// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served on loopback over
// the Postgres wire protocol, so the app, migrations and tests speak plain pg to it exactly as
// they would to a PostgreSQL server. See docs/decisions/0001-embedded-pglite.md.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = {
  url: string;
  port: number;
  stop(): Promise<void>;
};

// Sized for one small deployment on a small VM (issue 14's memory target), not for a server:
// PGlite keeps its buffers inside the process's WebAssembly memory, and PostgreSQL's default
// 128 MB of shared buffers alone is a fifth of the 600 MB budget. The data files stay in the
// operating system's page cache either way.
const EMBEDDED_SETTINGS = [
  "shared_buffers = 16MB",
  "maintenance_work_mem = 16MB",
  "wal_buffers = 1MB",
  "temp_buffers = 4MB",
];

export type EmbeddedDbOptions = {
  /** Folder for the database files; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  /** Loopback port; 0 picks a free one. */
  port: number;
  /** Where the password is kept between starts (the app's `.data/`); unset: a fresh one per start. */
  secretsDir?: string;
};

/**
 * The password clients must give. Kept in `db-password` in the secrets folder (mode 0600, in the
 * 0700 `.data/`), so `npm run db:*` scripts and tests on the same machine can read it and other
 * local users cannot; without a secrets folder, a fresh one per start.
 */
export function embeddedDbPassword(secretsDir: string | undefined): string {
  if (!secretsDir) return randomBytes(18).toString("base64url");
  privateDir(secretsDir);
  const file = path.join(secretsDir, "db-password");
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export const embeddedDbUrl = (port: number, password: string) =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;

/**
 * A private folder: the database files and secrets are the app user's alone. Created 0700; an
 * existing folder is tightened only when it is ours for sure (`.data`, or a database folder that
 * an older version created world-readable), never a shared one such as /tmp.
 */
function privateDir(dir: string) {
  const abs = path.resolve(dir);
  if (!existsSync(abs)) mkdirSync(abs, { recursive: true, mode: 0o700 });
  else if (path.basename(abs) === ".data" || existsSync(path.join(abs, "PG_VERSION"))) chmodSync(abs, 0o700);
}

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const ASK_CLEARTEXT_PASSWORD = Buffer.concat([Buffer.from("R"), int32(8), int32(3)]);
function fatal(code: string, text: string) {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`);
  return Buffer.concat([Buffer.from("E"), int32(fields.length + 4), fields]);
}

/**
 * PGlite's socket server trusts whoever connects. In front of it (on a unix socket in the private
 * folder), this loopback listener asks each connection for the password — cleartext, which never
 * leaves the machine — and only then joins it to PGlite, replaying the client's startup message.
 * PGlite's answer (AuthenticationOk, parameters, ReadyForQuery) is what the client expects next.
 */
function passwordGate(backendPath: string, password: string): net.Server {
  const expected = Buffer.from(password);
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    let buffer = Buffer.alloc(0);
    let startup: Buffer | null = null;
    const timer = setTimeout(() => client.destroy(), 10_000);
    const refuse = (code: string, text: string) => {
      clearTimeout(timer);
      client.end(fatal(code, text));
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (!startup) {
        if (buffer.length < 8) return;
        const len = buffer.readInt32BE(0);
        if (len < 8 || len > 10_000) return refuse("08P01", "invalid startup packet");
        if (buffer.length < len) return;
        const code = buffer.readInt32BE(4);
        const packet = buffer.subarray(0, len);
        buffer = buffer.subarray(len);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          client.write("N"); // not offered: the client goes on in plain text (loopback only)
          continue;
        }
        if (code >> 16 !== 3) return refuse("08P01", "unsupported protocol or request");
        startup = packet;
        client.write(ASK_CLEARTEXT_PASSWORD);
      }
      if (buffer.length < 5) return;
      if (buffer[0] !== 0x70) return refuse("08P01", "expected a password message");
      const len = buffer.readInt32BE(1);
      if (len < 5 || len > 1_000) return refuse("08P01", "invalid password message");
      if (buffer.length < 1 + len) return;
      const given = buffer.subarray(5, len); // without the trailing NUL
      const rest = buffer.subarray(1 + len);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse("28P01", "password authentication failed for user");
      }
      clearTimeout(timer);
      client.off("data", onData);
      client.pause();
      const backend = net.connect(backendPath, () => {
        backend.write(startup!);
        if (rest.length) backend.write(rest);
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
      backend.on("error", () => client.destroy());
      client.on("error", () => backend.destroy());
      client.on("close", () => backend.destroy());
      backend.on("close", () => client.destroy());
    };
    client.on("data", onData);
    client.on("error", () => clearTimeout(timer));
  });
  // Closing stops new connections; the ones still open (a pool) are ended too, or close() waits.
  const close = server.close.bind(server);
  server.close = (cb?: (err?: Error) => void) => {
    for (const socket of open) socket.destroy();
    return close(cb);
  };
  return server;
}

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

export async function startEmbeddedDb({ dataDir, port, secretsDir }: EmbeddedDbOptions): Promise<EmbeddedDb> {
  await assertPortFree(port);
  const dir = dataDir ? path.resolve(dataDir) : undefined;
  if (dir) privateDir(dir);
  const password = embeddedDbPassword(secretsDir);
  // PGlite itself listens on a unix socket in a folder only we can enter; the password gate is
  // the only way in from the network side.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "pglite-"));
  const socketPath = path.join(socketDir, "pglite.sock");
  const db = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), postgresqlconf: EMBEDDED_SETTINGS });
  // Several pool connections may open at once; PGlite runs their queries one at a time, and a
  // transaction holds the others until it ends (correct, but serial: fine for one machine).
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 });
  keepExtendedQueriesWhole(server);
  await server.start();
  const gate = passwordGate(socketPath, password);
  await new Promise<void>((resolve, reject) => gate.once("error", reject).listen(port, "127.0.0.1", resolve));
  const actualPort = (gate.address() as net.AddressInfo).port;
  return {
    url: embeddedDbUrl(actualPort, password),
    port: actualPort,
    async stop() {
      await new Promise<void>((resolve) => gate.close(() => resolve()));
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
