import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresServer, type PostgresServer } from "../support/postgres-server";
import { requireSystemTool, skipReason } from "../support/system-tools";

const noPostgres = skipReason("postgres");

describe.skipIf(noPostgres)(`GET /api/health${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let server: PostgresServer | undefined;
  let GET: () => Promise<Response>;

  beforeAll(async () => {
    requireSystemTool("postgres");
    server = await startPostgresServer();
    // lib/env reads DATABASE_URL when first imported, so set it before loading the route.
    process.env.DATABASE_URL = server.url;
    ({ GET } = await import("@/app/api/health/route"));
  });
  afterAll(() => server?.destroy());

  it("answers 200 with the database up", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
  });

  it("answers 503 while the database is stopped, and 200 again once it is back", async () => {
    server!.stop();
    const down = await GET();
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toMatchObject({ status: "error", database: "down" });
    expect(JSON.stringify(body)).not.toContain("127.0.0.1"); // no connection details leak

    server!.start();
    const up = await GET();
    expect(up.status).toBe(200);
  });
});
