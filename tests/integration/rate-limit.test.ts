// L11: rate-limit rows hold neither typed emails nor addresses, and old ones are purged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitLimit, LIMITS, purgeRateLimitEvents, recordEvent } from "@/lib/auth/rate-limit";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("rate-limit events", () => {
  it("name their bucket by a keyed hash, never the email or the address", async () => {
    await recordEvent(t.db, LIMITS.signInFailuresPerAccountIp("wang.min@bank.cn", "203.0.113.9"));
    await recordEvent(t.db, LIMITS.signInPerIp("203.0.113.9"));
    const buckets = (await t.db.rateLimitEvent.findMany({ select: { bucket: true } })).map((r) => r.bucket);
    expect(buckets).toHaveLength(2);
    for (const b of buckets) {
      expect(b).not.toMatch(/wang|bank|203\.0\.113/);
      expect(b).toMatch(/^[a-z-]+:[A-Za-z0-9_-]{22}$/);
    }
  });

  it("count within the window: the 11th attempt a minute from one address is over", async () => {
    const limit = LIMITS.signInPerIp("198.51.100.77");
    const over: boolean[] = [];
    for (let i = 0; i < 11; i++) over.push(await hitLimit(t.db, limit));
    expect(over.indexOf(true)).toBe(10);
  });

  it("are purged once no window looks at them, and not before", async () => {
    const now = new Date();
    await t.db.rateLimitEvent.createMany({
      data: [
        { bucket: "signin-ip:old", createdAt: new Date(now.getTime() - 2 * 3_600_000) },
        { bucket: "signin-ip:recent", createdAt: new Date(now.getTime() - 30 * 60_000) },
      ],
    });
    expect(await purgeRateLimitEvents(t.db, now)).toBe(1);
    expect(await t.db.rateLimitEvent.count({ where: { bucket: "signin-ip:recent" } })).toBe(1);
    expect(await t.db.rateLimitEvent.count({ where: { bucket: "signin-ip:old" } })).toBe(0);
  });
});
