// Organisation isolation at the query level, on a real PostgreSQL server: every viewer against
// every cohort, through the one scope helper (lib/organisations/scope.ts) that all cohort
// queries use. Plus the admin's changes to organisations, and the migration of existing cohorts.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort, getCohortFor, listCohorts } from "@/lib/cohorts/cohorts";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  createOrganisation,
  listOrganisationsFor,
  setClientAdmin,
  setTrainerAssignment,
  updateOrganisation,
} from "@/lib/organisations/organisations";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";

const admin = { id: "admin-actor", name: "管理员" };

describe.skipIf(noPostgres)(
  `organisation isolation on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`,
  () => {
    let t: PostgresTestDb;
    const orgs: Record<string, string> = {};
    const users: Record<string, Viewer> = {};
    const cohorts: Record<string, string> = {};

    const person = async (key: string, role: Role, organisationId: string | null = null) => {
      const u = await t.db.user.create({
        data: { email: `${key}@iso.test`, name: key, passwordHash: "x", role, organisationId },
        select: { id: true },
      });
      users[key] = { id: u.id, role, organisationId };
    };

    beforeAll(async () => {
      t = await createPostgresTestDb();
      for (const code of ["BANKA", "BANKB"]) {
        const r = await createOrganisation(t.db, admin, { name: `${code} 银行`, code, retentionDays: 365 });
        if (!r.ok) throw new Error(r.code);
        orgs[code] = r.value.id;
      }
      await person("admin", "ADMIN");
      await person("t1", "TRAINER");
      await person("t2", "TRAINER");
      await person("t3", "TRAINER");
      await person("caA", "CLIENT_ADMIN", orgs.BANKA!);
      await person("caB", "CLIENT_ADMIN", orgs.BANKB!);
      // A client admin whose organisation was never set must see nothing, not everything.
      await person("caNone", "CLIENT_ADMIN");
      await person("learnerA", "LEARNER", orgs.BANKA!);
      for (const [who, code] of [
        ["t1", "BANKA"],
        ["t2", "BANKA"],
        ["t2", "BANKB"],
        ["t3", "BANKA"],
      ] as const) {
        expect((await setTrainerAssignment(t.db, admin, orgs[code]!, `${who}@iso.test`, true)).ok).toBe(true);
      }
      for (const [key, who, code] of [
        ["a1", "t1", "BANKA"],
        ["a2", "t2", "BANKA"],
        ["b1", "t2", "BANKB"],
        ["a3", "t3", "BANKA"],
      ] as const) {
        const c = await createCohort(t.db, users[who]!, { name: key, organisationId: orgs[code]! });
        cohorts[key] = c!.id;
      }
      // t3 leaves BANKA: their cohort there stays (the bank's), but they no longer see it.
      expect((await setTrainerAssignment(t.db, admin, orgs.BANKA!, "t3@iso.test", false)).ok).toBe(true);
    });
    afterAll(() => t?.close());

    const expected: Record<string, string[]> = {
      admin: ["a1", "a2", "a3", "b1"],
      t1: ["a1"],
      t2: ["a2", "b1"],
      t3: [],
      caA: ["a1", "a2", "a3"],
      caB: ["b1"],
      caNone: [],
      learnerA: [],
    };

    it("each viewer lists exactly the cohorts of their organisations (and, for a trainer, their own)", async () => {
      const names = (ids: string[]) =>
        ids.map((id) => Object.entries(cohorts).find(([, v]) => v === id)![0]).sort((a, b) => a.localeCompare(b));
      for (const [who, want] of Object.entries(expected)) {
        const got = names((await listCohorts(t.db, users[who]!)).map((c) => c.id));
        expect(got, who).toEqual(want);
      }
    });

    it("each viewer opens exactly those cohorts by id, and no other (every viewer × every cohort)", async () => {
      for (const [who, want] of Object.entries(expected)) {
        for (const [key, id] of Object.entries(cohorts)) {
          const found = await getCohortFor(t.db, users[who]!, id);
          expect(found !== null, `${who} → ${key}`).toBe(want.includes(key));
        }
      }
    });

    it("a caller's own conditions narrow the scope but cannot widen it", async () => {
      const where = scopedCohortWhere(users.caA!, { organisationId: orgs.BANKB! });
      expect(await t.db.cohort.count({ where })).toBe(0);
      const spread = scopedCohortWhere(users.t1!, { OR: [{ trainerId: users.t2!.id }, { id: cohorts.b1! }] });
      expect(await t.db.cohort.count({ where: spread })).toBe(0);
    });

    it("a trainer creates cohorts only at assigned organisations; a client admin creates none", async () => {
      expect(await createCohort(t.db, users.t1!, { name: "越界", organisationId: orgs.BANKB! })).toBeNull();
      expect(await createCohort(t.db, users.caA!, { name: "只读", organisationId: orgs.BANKA! })).toBeNull();
      expect((await listOrganisationsFor(t.db, users.t1!)).map((o) => o.code)).toEqual(["BANKA"]);
      expect((await listOrganisationsFor(t.db, users.caB!)).map((o) => o.code)).toEqual(["BANKB"]);
      expect(await listOrganisationsFor(t.db, users.learnerA!)).toEqual([]);
    });

    it("making someone a client admin needs an eligible account, ends their sessions, and is audited", async () => {
      await person("newca", "LEARNER");
      const before = await t.db.user.findUniqueOrThrow({
        where: { id: users.newca!.id },
        select: { sessionVersion: true },
      });
      expect(await setClientAdmin(t.db, admin, orgs.BANKB!, "t1@iso.test", true)).toEqual({
        ok: false,
        code: "NOT_ELIGIBLE",
      });
      expect(await setClientAdmin(t.db, admin, orgs.BANKB!, "nobody@iso.test", true)).toEqual({
        ok: false,
        code: "NO_SUCH_USER",
      });
      expect((await setClientAdmin(t.db, admin, orgs.BANKB!, "newca@iso.test", true)).ok).toBe(true);
      const after = await t.db.user.findUniqueOrThrow({
        where: { id: users.newca!.id },
        select: { role: true, organisationId: true, sessionVersion: true },
      });
      expect(after).toEqual({
        role: "CLIENT_ADMIN",
        organisationId: orgs.BANKB,
        sessionVersion: before.sessionVersion + 1,
      });
      expect(await setClientAdmin(t.db, admin, orgs.BANKA!, "newca@iso.test", false)).toEqual({
        ok: false,
        code: "NOT_MEMBER",
      });
      expect((await setClientAdmin(t.db, admin, orgs.BANKB!, "newca@iso.test", false)).ok).toBe(true);
      expect(await t.db.auditEvent.count({ where: { target: users.newca!.id, action: "USER_ACCESS_CHANGE" } })).toBe(2);
    });

    it("names and codes stay unique, and a trainer assignment needs a trainer", async () => {
      expect(await createOrganisation(t.db, admin, { name: "BANKA 银行", code: "NEWC", retentionDays: 30 })).toEqual({
        ok: false,
        code: "NAME_TAKEN",
      });
      expect(
        await updateOrganisation(t.db, admin, orgs.BANKB!, { name: "乙银行", code: "BANKA", retentionDays: 30 }),
      ).toEqual({ ok: false, code: "CODE_TAKEN" });
      expect(await setTrainerAssignment(t.db, admin, orgs.BANKB!, "caA@iso.test", true)).toEqual({
        ok: false,
        code: "NOT_A_TRAINER",
      });
    });
  },
);

describe("the organisations migration", () => {
  it("moves existing cohorts to a default organisation and assigns their trainers to it", async () => {
    const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const at = names.findIndex((n) => n.endsWith("_organisations"));
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    const server = await startEmbeddedDb({ port: 0 });
    try {
      for (const n of names.slice(0, at)) cpSync(path.join(MIGRATIONS_DIR, n), path.join(dir, n), { recursive: true });
      await applyMigrations(server.url, dir);
      const db = createPrismaClient(server.url, 2);
      try {
        await db.$executeRawUnsafe(
          `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ('old-t', 'old@t.cn', '老培训师', 'x', 'TRAINER', now())`,
        );
        await db.$executeRawUnsafe(
          `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId") VALUES ('old-c', '老班级', 'OLDC0001', 'old-t')`,
        );
        await applyMigrations(server.url);
        const cohort = await db.cohort.findUniqueOrThrow({
          where: { id: "old-c" },
          select: { organisation: { select: { code: true } } },
        });
        expect(cohort.organisation.code).toBe("DEFAULT");
        const viewer = { id: "old-t", role: "TRAINER" as const, organisationId: null };
        expect((await listCohorts(db, viewer)).map((c) => c.id)).toEqual(["old-c"]);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
