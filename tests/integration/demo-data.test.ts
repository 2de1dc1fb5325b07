// The demo data is the same picture on every machine: two fresh seeds put the pre-test, the
// classroom register and the action plans on the same learners (by email; ids are random). Before
// this held, the draws followed the random ids, and one seed in a few left a demo cohort's
// knowledge gain empty (the 结项报告 test failed in CI, 2026-11-27).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/prisma/seed";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

/** Who took the pre-test, who was at each classroom session and how, who filed a plan: by email. */
async function picture(t: PostgresTestDb) {
  const pre = await t.db.preTestAttempt.findMany({
    select: {
      correct: true,
      user: { select: { email: true } },
      preTest: { select: { cohort: { select: { inviteCode: true } } } },
    },
  });
  const register = await t.db.attendance.findMany({
    select: {
      status: true,
      user: { select: { email: true } },
      session: { select: { title: true, cohort: { select: { inviteCode: true } } } },
    },
  });
  const plans = await t.db.actionPlan.findMany({ select: { user: { select: { email: true } } } });
  return {
    pre: pre.map((p) => `${p.preTest.cohort.inviteCode} ${p.user.email} ${p.correct}`).sort(),
    register: register
      .map((r) => `${r.session.cohort.inviteCode} ${r.session.title} ${r.user.email} ${r.status}`)
      .sort(),
    plans: plans.map((p) => p.user.email).sort(),
  };
}

describe.skipIf(noPostgres)("demo data (PostgreSQL)", () => {
  const dbs: PostgresTestDb[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const t = await createPostgresTestDb();
      await prepareDatabase(t.url, { demo: true });
      dbs.push(t);
    }
  }, 300_000);

  afterAll(() => Promise.all(dbs.map((t) => t.close())));

  it("puts the pre-test, the register and the action plans on the same learners in every fresh seed", async () => {
    const [a, b] = [await picture(dbs[0]!), await picture(dbs[1]!)];
    expect(a.pre.length).toBeGreaterThan(0);
    expect(a.register.length).toBeGreaterThan(0);
    expect(a.plans.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  }, 60_000);
});
