// 行动计划 on PostgreSQL with an injected clock: filing once per learner, the day-30 check-in
// due exactly from day 30 (for /me and for the reminder rules' dueCheckIns), a report stored once
// per round, and a cohort's figures against a hand count; another bank's admin sees no cohort.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import {
  dueCheckIns,
  fileActionPlan,
  getMyActionPlan,
  reviseActionPlan,
  submitCheckIn,
} from "@/lib/action-plans/plans";
import { learnersWithCheckInDue } from "@/lib/reminders/check-ins";
import type { ActionInput } from "@/lib/action-plans/schema";
import { EXAMPLE_PLANS, getCohortActionPlans, summarisePlans } from "@/lib/action-plans/summary";
import { actionPlanFiguresDrift, rebuildActionPlanFigures } from "@/lib/action-plans/figures";
import { checkInDue } from "@/lib/action-plans/rules";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { findVisibleCohort } from "@/lib/dashboard/access";
import type { Viewer } from "@/lib/organisations/scope";
import { seedDemoActionPlans } from "@/prisma/demo-action-plans";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";

const DAY = 86_400_000;
const T0 = new Date("2026-04-01T01:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const action = (over: Partial<ActionInput> = {}): ActionInput => ({
  tool: "DAILY_REPORT",
  merchant: null,
  description: "每天看动卡报表",
  metric: "ACTIVE_CARD_RATE",
  metricName: null,
  baseline: 38,
  target: 45,
  dueOn: new Date("2026-06-29T16:00:00Z"),
  exercise: null,
  ...over,
});

describe.skipIf(noPostgres)("action plans (PostgreSQL)", () => {
  let t: PostgresTestDb;
  let trainer: Viewer;
  let otherClientAdmin: Viewer;
  let cohortId: string;
  const learners: string[] = [];

  const account = async (email: string, role: Viewer["role"] = "LEARNER", organisationId: string | null = null) => {
    const r = await createAccount(t.db, { name: email.split("@")[0]!, email, password: "long enough secret" });
    if (!r.ok) throw new Error("setup");
    await t.db.user.update({ where: { id: r.value.id }, data: { role, organisationId }, select: { id: true } });
    return r.value.id;
  };

  beforeAll(async () => {
    t = await createPostgresTestDb();
    const org = await testOrganisationId(t.db);
    const otherOrg = await testOrganisationId(t.db, "OTHER");
    trainer = { id: await account("trainer@ap.cn", "TRAINER"), role: "TRAINER", organisationId: null };
    await assignTestTrainer(t.db, org, trainer.id);
    otherClientAdmin = {
      id: await account("other@ap.cn", "CLIENT_ADMIN", otherOrg),
      role: "CLIENT_ADMIN",
      organisationId: otherOrg,
    };
    const cohort = await t.db.cohort.create({
      data: { name: "行动计划班", inviteCode: "APLAN1", trainerId: trainer.id, organisationId: org },
      select: { id: true },
    });
    cohortId = cohort.id;
    for (let i = 0; i < 4; i++) {
      const id = await account(`l${i}@ap.cn`);
      await t.db.cohortMember.create({ data: { cohortId, userId: id } });
      learners.push(id);
    }
  }, 60_000);

  afterAll(() => t?.close());

  it("files a plan once, with its actions in order and the exercise's choice kept", async () => {
    const choice = { bankEffort: "targeted-slot", sharedGain: "split-cost", customerBenefit: "instant-discount" };
    const r = await fileActionPlan(
      t.db,
      learners[0]!,
      [action({ tool: "PARTNERSHIP", merchant: "城东超市", exercise: choice }), action()],
      T0,
    );
    expect(r.ok).toBe(true);
    expect(await fileActionPlan(t.db, learners[0]!, [action()], T0)).toEqual({ ok: false, code: "already_filed" });
    const plan = await getMyActionPlan(t.db, learners[0]!);
    expect(plan?.filedAt).toEqual(T0);
    expect(plan?.actions.map((a) => a.merchant)).toEqual(["城东超市", null]);
    const stored = await t.db.planAction.findFirst({
      where: { planId: plan!.id, position: 1 },
      select: { exercise: true },
    });
    expect(stored?.exercise).toEqual(choice);
  });

  it("revises a plan before its first check-in only, keeping the filing date", async () => {
    const id = await account("revise@ap.cn");
    expect(await reviseActionPlan(t.db, id, [action()])).toEqual({ ok: false, code: "no_plan" });
    await fileActionPlan(t.db, id, [action(), action()], T0);
    const r = await reviseActionPlan(t.db, id, [action({ merchant: null, description: "改为每日报表复盘" })]);
    expect(r.ok).toBe(true);
    const plan = await getMyActionPlan(t.db, id);
    expect(plan?.filedAt).toEqual(T0);
    expect(plan?.actions.map((a) => [a.position, a.description])).toEqual([[1, "改为每日报表复盘"]]);
    await submitCheckIn(
      t.db,
      id,
      30,
      plan!.actions.map((a) => ({ actionId: a.id, status: "IN_PROGRESS" as const, result: 1, obstacles: "" })),
      at(30),
    );
    expect(await reviseActionPlan(t.db, id, [action()])).toEqual({ ok: false, code: "checked_in" });
    expect((await getMyActionPlan(t.db, id))?.actions).toHaveLength(1);
    await t.db.user.delete({ where: { id } });
  });

  it("makes the day-30 check-in due at day 30 and not a minute before", async () => {
    expect(await dueCheckIns(t.db, new Date(at(30).getTime() - 60_000), { cohortId })).toEqual([]);
    const due = await dueCheckIns(t.db, at(30), { cohortId });
    expect(due).toEqual([{ userId: learners[0], planId: expect.any(String), round: 30, dueAt: at(30) }]);
    // The reminder rule 行动计划待回访 reads the same due check-ins.
    expect(await learnersWithCheckInDue(t.db, cohortId, at(30))).toEqual(new Set([learners[0]]));
    expect(await learnersWithCheckInDue(t.db, cohortId, at(29))).toEqual(new Set());
    const plan = await getMyActionPlan(t.db, learners[0]!);
    const reports = plan!.actions.map((a) => ({
      actionId: a.id,
      status: "IN_PROGRESS" as const,
      result: 40,
      obstacles: "",
    }));
    expect(await submitCheckIn(t.db, learners[0]!, 30, reports, at(29))).toEqual({ ok: false, code: "not_due" });
  });

  it("stores a late day-30 report once, and then asks nothing until day 60", async () => {
    const plan = await getMyActionPlan(t.db, learners[0]!);
    const [first, second] = plan!.actions;
    const reports = [
      { actionId: first!.id, status: "DONE" as const, result: 1, obstacles: "" },
      { actionId: second!.id, status: "IN_PROGRESS" as const, result: 41, obstacles: "" },
    ];
    expect(await submitCheckIn(t.db, learners[0]!, 30, reports.slice(0, 1), at(45))).toEqual({
      ok: false,
      code: "actions_changed",
    });
    expect(await submitCheckIn(t.db, learners[0]!, 30, reports, at(45))).toEqual({ ok: true, round: 30 });
    expect(await submitCheckIn(t.db, learners[0]!, 30, reports, at(46))).toEqual({ ok: false, code: "not_due" });
    expect(await dueCheckIns(t.db, at(59), { cohortId })).toEqual([]);
    // Day 60 asks only about the action still open.
    const due = await dueCheckIns(t.db, at(60), { userIds: [learners[0]!] });
    expect(due.map((d) => d.round)).toEqual([60]);
    expect(await t.db.actionCheckIn.count({ where: { action: { planId: plan!.id } } })).toBe(2);
  });

  it("gives the trainer the cohort's figures as counted by hand", async () => {
    // learner 1 filed on day 20 (its day 30 is day 50, unanswered at day 65); learner 2 on day 64.
    await fileActionPlan(t.db, learners[1]!, [action()], at(20));
    await fileActionPlan(t.db, learners[2]!, [action(), action(), action()], at(64));
    const s = await getCohortActionPlans(t.db, cohortId, at(65));
    expect(s).toMatchObject({
      members: 4,
      filed: 3,
      // Day 30: learners 0 (reported) and 1 (not). Day 60: learner 0 only, not reported yet.
      rounds: [
        { round: 30, eligible: 2, followed: 1 },
        { round: 60, eligible: 1, followed: 0 },
        { round: 90, eligible: 0, followed: 0 },
      ],
      actions: 6,
      actionsDone: 1,
    });
    // Most complete first: learner 0's plan has the reports.
    expect(s.examples[0]!.user.name).toBe("l0");
  });

  it("seeds demo plans once, at every stage of follow-up", async () => {
    const org = await testOrganisationId(t.db);
    const demo = await t.db.cohort.create({
      data: { name: "演示班", inviteCode: "SPRING26", trainerId: trainer.id, organisationId: org },
      select: { id: true },
    });
    for (let i = 0; i < 12; i++) {
      const id = await account(`demo${i}@demo.local`);
      await t.db.cohortMember.create({ data: { cohortId: demo.id, userId: id } });
    }
    const now = at(200);
    await seedDemoActionPlans(t.db, now);
    const count = () =>
      t.db.actionCheckIn.count({ where: { action: { plan: { user: { email: { endsWith: "@demo.local" } } } } } });
    const reports = await count();
    await seedDemoActionPlans(t.db, now);
    expect(await count()).toBe(reports);
    const s = await getCohortActionPlans(t.db, demo.id, now);
    expect(s.filed).toBe(10);
    expect(s.rounds.every((r) => r.eligible > 0 && r.followed > 0)).toBe(true);
    expect(s.actionsDone).toBeGreaterThan(0);
    expect(s.actionsDone).toBeLessThan(s.actions);
    // Some learners have a check-in waiting, some are not yet at day 30.
    expect((await dueCheckIns(t.db, now, { cohortId: demo.id })).length).toBeGreaterThan(0);
    expect(s.rounds[0]!.eligible).toBeLessThan(s.filed);
    // The figures counted in SQL (decision 0028) equal the hand-tested rule over the plans loaded whole.
    const plans = await t.db.actionPlan.findMany({
      where: { user: { memberships: { some: { cohortId: demo.id } } } },
      select: { filedAt: true, actions: { select: { id: true, checkIns: { select: { round: true, status: true } } } } },
    });
    expect(s).toMatchObject(summarisePlans(12, plans, now));
    expect(s.examples).toHaveLength(EXAMPLE_PLANS);
    // Around each round's day, the eligible and followed-up counts still agree.
    for (const day of [29, 30, 31, 59, 60, 61, 89, 90, 91, 120, 200, 400]) {
      const later = new Date(now.getTime() + (day - 200) * 86_400_000);
      expect(await getCohortActionPlans(t.db, demo.id, later), `day ${day}`).toMatchObject(
        summarisePlans(12, plans, later),
      );
      // The reminder rule's learners with a check-in due, counted in SQL, are the hand-tested rule's.
      expect(await learnersWithCheckInDue(t.db, demo.id, later), `day ${day}: check-ins due`).toEqual(
        new Set((await dueCheckIns(t.db, later, { cohortId: demo.id })).map((r) => r.userId)),
      );
    }
  });

  it("keeps each plan's figures through filing, revising, reports, corrections and erasure, as a rebuild has them", async () => {
    const org = await testOrganisationId(t.db);
    const c = await t.db.cohort.create({
      data: { name: "回访统计班", inviteCode: "APFIG1", trainerId: trainer.id, organisationId: org },
      select: { id: true },
    });
    // A fixed pseudo-random workload (a linear congruential generator): the same every run.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const STATUSES: ActionStatus[] = ["NOT_STARTED", "IN_PROGRESS", "DONE", "ABANDONED"];
    const members: string[] = [];
    for (let i = 0; i < 14; i++) {
      const id = await account(`fig${i}@ap.cn`);
      await t.db.cohortMember.create({ data: { cohortId: c.id, userId: id } });
      members.push(id);
      // Most file, on different days; some revise before their first report.
      if (i < 12) {
        const actions = Array.from({ length: 1 + rand(3) }, () => action());
        expect((await fileActionPlan(t.db, id, actions, at(rand(20)))).ok).toBe(true);
        if (rand(3) === 0) expect((await reviseActionPlan(t.db, id, [action(), action()])).ok).toBe(true);
      }
    }
    // Each round, most of those asked report, with every status in turn.
    for (const day of [31, 62, 95]) {
      for (const userId of members) {
        const plan = await getMyActionPlan(t.db, userId);
        const due = plan && checkInDue(plan, at(day));
        if (!due || rand(5) === 0) continue;
        const reports = due.actionIds.map((actionId) => ({
          actionId,
          status: STATUSES[rand(4)]!,
          result: 40,
          obstacles: "商户排期冲突",
        }));
        expect((await submitCheckIn(t.db, userId, due.round, reports, at(day))).ok).toBe(true);
      }
    }
    // A report corrected and one withdrawn by hand (a support fix), and a learner erased.
    const [first, second] = await t.db.actionCheckIn.findMany({
      where: { action: { plan: { userId: { in: members } } } },
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, status: true },
    });
    await t.db.actionCheckIn.update({
      where: { id: first!.id },
      data: { status: first!.status === "DONE" ? "IN_PROGRESS" : "DONE" },
      select: { id: true },
    });
    await t.db.actionCheckIn.delete({ where: { id: second!.id }, select: { id: true } });
    await t.db.user.delete({ where: { id: members[0]! }, select: { id: true } });

    const plans = await t.db.actionPlan.findMany({
      where: { userId: { in: members } },
      select: {
        filedAt: true,
        actionCount: true,
        reportCount: true,
        actions: { select: { id: true, checkIns: { select: { round: true, status: true } } } },
      },
    });
    // The workload left something to compare: plans reported at every round, some closed.
    expect(plans.length).toBe(11);
    expect(plans.filter((p) => p.reportCount > 0).length).toBeGreaterThan(5);
    const rounds = new Set(plans.flatMap((p) => p.actions.flatMap((a) => a.checkIns.map((ci) => ci.round))));
    expect([...rounds].sort()).toEqual([30, 60, 90]);
    for (const p of plans) expect(p.actionCount).toBe(p.actions.length);
    expect(await actionPlanFiguresDrift(t.db)).toBe(0);
    const figures = () =>
      t.db.actionPlan.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          actionCount: true,
          actionsDone: true,
          reportCount: true,
          followedRounds: true,
          answeredRounds: true,
        },
      });
    const kept = await figures();
    await rebuildActionPlanFigures(t.db);
    expect(await figures()).toEqual(kept);
    // And the trainer's figures from the kept columns are the hand-tested rule's, on any day.
    for (const day of [29, 30, 50, 60, 61, 90, 95, 200]) {
      expect(await getCohortActionPlans(t.db, c.id, at(day)), `day ${day}`).toMatchObject(
        summarisePlans(13, plans, at(day)),
      );
      // So is whom the reminder rule asks for a check-in (a withdrawn report leaves a round half answered).
      expect(await learnersWithCheckInDue(t.db, c.id, at(day)), `day ${day}: check-ins due`).toEqual(
        new Set((await dueCheckIns(t.db, at(day), { cohortId: c.id })).map((r) => r.userId)),
      );
    }
  });

  it("shows the cohort only to viewers in its scope", async () => {
    expect(await findVisibleCohort(t.db, trainer, cohortId)).not.toBeNull();
    expect(await findVisibleCohort(t.db, otherClientAdmin, cohortId)).toBeNull();
  });
});
