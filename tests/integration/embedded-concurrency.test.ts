// Several connections querying the embedded database at once must each get their own results.
// PGlite runs one session; its socket server used to queue each protocol message separately, so
// one connection's Parse could replace another's between Bind and Execute and the answer went to
// the wrong query (seen in a browser test as one query's rows arriving in another's result).
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";

describe("embedded database under concurrent connections", () => {
  let server: EmbeddedDb;
  beforeAll(async () => {
    server = await startEmbeddedDb({ port: 0 });
  });
  afterAll(() => server?.stop());

  // The interleaving made deterministic: connection A sends Parse, then (in a separate write,
  // as happens under load) Bind/Execute/Sync; connection B runs a whole query in between.
  it("keeps one connection's Parse and Execute together when another query arrives between them", async () => {
    const a = await rawConnection(server.port, new URL(server.url).password);
    try {
      a.write(message("P", cstring(""), cstring("SELECT 'A'::text AS who"), int16(0)));
      await new Promise((r) => setTimeout(r, 50));
      const b = new pg.Client({ connectionString: server.url });
      await b.connect();
      const fromB = await b.query<{ who: string }>("SELECT $1::text AS who", ["B"]);
      await b.end();
      expect(fromB.rows).toEqual([{ who: "B" }]);
      a.write(
        Buffer.concat([
          message("B", cstring(""), cstring(""), int16(0), int16(0), int16(0)),
          message("E", cstring(""), int32(0)),
          message("S"),
        ]),
      );
      const reply = await a.readUntilReady();
      expect(reply.error).toBeUndefined();
      expect(reply.rows).toEqual(["A"]);
    } finally {
      a.end();
    }
  });

  it("answers every parameterised query with its own result", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      const results = await Promise.all(
        Array.from({ length: 400 }, async (_, i) => {
          // Different statements and shapes, so a mix-up cannot go unnoticed.
          if (i % 2 === 0) {
            const r = await pool.query<{ n: number; tag: string }>("SELECT $1::int AS n, 'even' AS tag", [i]);
            return r.rows[0]?.n === i && r.rows[0]?.tag === "even";
          }
          const r = await pool.query<{ doubled: string; s: string }>(
            "SELECT ($1::int * 2)::text AS doubled, $2::text AS s FROM generate_series(1, 1)",
            [i, `odd-${i}`],
          );
          return r.rows[0]?.doubled === String(i * 2) && r.rows[0]?.s === `odd-${i}`;
        }),
      );
      expect(results.filter((ok) => !ok)).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });

  it("keeps a transaction's statements together while other connections query", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 6 });
    try {
      await pool.query("CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, v text)");
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            await c.query("INSERT INTO tx_probe (id, v) VALUES ($1, $2)", [i, `v${i}`]);
            const seen = await c.query<{ v: string }>("SELECT v FROM tx_probe WHERE id = $1", [i]);
            expect(seen.rows[0]?.v).toBe(`v${i}`);
            await c.query(i % 3 === 0 ? "ROLLBACK" : "COMMIT");
          } finally {
            c.release();
          }
        }),
      );
      const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM tx_probe");
      expect(Number(rows[0]!.n)).toBe(20);
    } finally {
      await pool.end();
    }
  });
});

// ── A minimal wire-protocol client, enough to send messages in chosen TCP writes ──────────────

const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const cstring = (s: string) => Buffer.concat([Buffer.from(s, "utf8"), Buffer.from([0])]);
function message(type: string, ...parts: Buffer[]) {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

async function rawConnection(port: number, password: string) {
  const socket = net.connect({ port, host: "127.0.0.1" });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let buffer = Buffer.alloc(0);
  let waiter: (() => void) | null = null;
  socket.on("data", (d) => {
    buffer = Buffer.concat([buffer, d]);
    waiter?.();
  });
  const readUntilReady = async () => {
    const rows: string[] = [];
    let error: string | undefined;
    for (;;) {
      while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
        const type = String.fromCharCode(buffer[0]!);
        const len = buffer.readInt32BE(1);
        const body = buffer.subarray(5, 1 + len);
        buffer = buffer.subarray(1 + len);
        if (type === "D") {
          const size = body.readInt32BE(2);
          rows.push(body.subarray(6, 6 + size).toString("utf8"));
        }
        if (type === "E") error = body.toString("utf8");
        if (type === "R" && body.readInt32BE(0) === 3) socket.write(message("p", cstring(password)));
        if (type === "Z") return { rows, error };
      }
      await new Promise<void>((r) => (waiter = r));
    }
  };
  const startup = Buffer.concat([
    int32(196608),
    cstring("user"),
    cstring("postgres"),
    cstring("database"),
    cstring("postgres"),
    Buffer.from([0]),
  ]);
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  await readUntilReady();
  return { write: (b: Buffer) => socket.write(b), readUntilReady, end: () => socket.end() };
}
