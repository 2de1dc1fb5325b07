// The sign-in form's follow-up action, run for real against a test database: the session and the
// redirect are stood in for (they need a browser request); the enrolment and the destination are
// the code under test. The browser test (tests/e2e/invite-and-landing.spec.ts) covers the whole way.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

const state = vi.hoisted(() => ({ db: undefined as unknown, user: null as CurrentUser | null }));

vi.mock("@/lib/db/client", () => ({ getDb: () => state.db }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => [], delete: () => {} }) }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return {
    ...real,
    getCurrentUser: async () => state.user,
    requireUser: async () => {
      if (!state.user) throw new Error("REDIRECT /login");
      return state.user;
    },
  };
});

const { afterSignInAction } = await import("@/app/(auth)/actions");
const { findInvite } = await import("@/lib/cohorts/cohorts");

describe("signing in through an invite link", () => {
  let t: TestDb;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb();
    state.db = t.db;
    for (const [key, role] of [
      ["trainer", "TRAINER"],
      ["learner", "LEARNER"],
      ["admin", "ADMIN"],
    ] as const) {
      const u = await t.db.user.create({
        data: { email: `${key}@test.cn`, name: key, passwordHash: "x", role },
        select: { id: true },
      });
      ids[key] = u.id;
    }
    const org = await testOrganisationId(t.db);
    await t.db.cohort.create({
      data: { name: "春季班", inviteCode: "SPRING01", trainerId: ids.trainer!, organisationId: org },
    });
    await t.db.cohort.create({
      data: {
        name: "去年的班",
        inviteCode: "OLDCLASS",
        trainerId: ids.trainer!,
        organisationId: org,
        endsOn: new Date("2020-06-30"),
      },
    });
  });
  afterAll(() => t.close());

  const as = (key: string, role: CurrentUser["role"]) => {
    state.user = { id: ids[key]!, name: key, email: `${key}@test.cn`, role, organisationId: null };
  };
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const members = (code: string) =>
    t.db.cohortMember.findMany({ where: { cohort: { inviteCode: code } }, select: { userId: true } });

  it("names the class of a code, and tells unknown from ended", async () => {
    expect(await findInvite(t.db, "spring01")).toMatchObject({
      ok: true,
      cohort: { name: "春季班", trainerName: "trainer" },
    });
    expect(await findInvite(t.db, "NOSUCH99")).toEqual({ ok: false, code: "UNKNOWN" });
    expect(await findInvite(t.db, "../../x")).toEqual({ ok: false, code: "UNKNOWN" });
    expect(await findInvite(t.db, "OLDCLASS")).toEqual({ ok: false, code: "EXPIRED" });
    // The last day still counts (Beijing calendar): 2020-06-30 16:00 UTC is 07-01 in Beijing.
    expect((await findInvite(t.db, "OLDCLASS", new Date("2020-06-30T15:59:00Z"))).ok).toBe(true);
    expect((await findInvite(t.db, "OLDCLASS", new Date("2020-06-30T16:00:00Z"))).ok).toBe(false);
  });

  it("an existing learner who signs in from the invite is enrolled in that cohort and lands on /me", async () => {
    as("learner", "LEARNER");
    await expect(afterSignInAction({}, form({ inviteCode: "SPRING01" }))).rejects.toThrow("REDIRECT /me");
    expect(await members("SPRING01")).toEqual([{ userId: ids.learner }]);
    // Again (a second sign-in with the same link): still one membership.
    await expect(afterSignInAction({}, form({ inviteCode: "spring01" }))).rejects.toThrow("REDIRECT /me");
    expect(await members("SPRING01")).toEqual([{ userId: ids.learner }]);
  });

  it("an ended class enrols nobody and sends the learner to the join page, which says why", async () => {
    as("learner", "LEARNER");
    await expect(afterSignInAction({}, form({ inviteCode: "OLDCLASS" }))).rejects.toThrow("REDIRECT /join/OLDCLASS");
    expect(await members("OLDCLASS")).toEqual([]);
  });

  it("trainers and admins land on /trainer, learners on /me, unless a safe same-site next was given", async () => {
    as("trainer", "TRAINER");
    await expect(afterSignInAction({}, form({}))).rejects.toThrow("REDIRECT /trainer");
    as("admin", "ADMIN");
    await expect(afterSignInAction({}, form({}))).rejects.toThrow("REDIRECT /trainer");
    await expect(afterSignInAction({}, form({ next: "/admin/users" }))).rejects.toThrow("REDIRECT /admin/users");
    await expect(afterSignInAction({}, form({ next: "//evil.example/x" }))).rejects.toThrow(/REDIRECT \/trainer$/);
    as("learner", "LEARNER");
    await expect(afterSignInAction({}, form({}))).rejects.toThrow(/REDIRECT \/me$/);
    await expect(afterSignInAction({}, form({ next: "https://evil.example" }))).rejects.toThrow(/REDIRECT \/me$/);
  });

  it("refuses a caller who is not signed in", async () => {
    state.user = null;
    await expect(afterSignInAction({}, form({ inviteCode: "SPRING01" }))).rejects.toThrow("REDIRECT /login");
  });
});
