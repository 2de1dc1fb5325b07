// Demo people for the embedded/demo setup: two client banks, an admin, two trainers (each with a
// cohort, so the "another trainer's cohort" rule can be seen), a client training admin at each
// bank (so "another bank's cohort" can be seen) and several learners. Idempotent: re-running
// changes nothing. Never run against production unless SEED_DEMO_DATA=true asks for it.
import type { Content } from "@/lib/content/load";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COHORTS_FOR_DASHBOARD, seedDemoCohorts } from "./demo-cohort";
import { seedDemoEnquiries } from "./demo-enquiries";
import { nameSortKey } from "@/lib/sorting/pinyin";

export const DEMO_PASSWORD = "course-demo-2026";

/** Two made-up client banks; every demo cohort belongs to one of them. */
export const DEMO_ORGANISATIONS = [
  {
    code: "DFB",
    name: "东方示范银行",
    trainers: ["trainer@demo.local"],
    cohorts: ["DEMO2026", "SPRING26"],
  },
  {
    code: "NLB",
    name: "南岭示范银行",
    trainers: ["trainer@demo.local", "trainer2@demo.local"],
    cohorts: ["BRANCH26", "SOUTH26"],
  },
] as const;

type DemoUser = {
  email: string;
  name: string;
  role: "ADMIN" | "TRAINER" | "CLIENT_ADMIN" | "LEARNER";
  organisation?: (typeof DEMO_ORGANISATIONS)[number]["code"];
};

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@demo.local", name: "管理员 王敏", role: "ADMIN" },
  { email: "trainer@demo.local", name: "培训师 李强", role: "TRAINER" },
  { email: "trainer2@demo.local", name: "培训师 赵蕾", role: "TRAINER" },
  { email: "client@demo.local", name: "东方示范银行 培训部 孙悦", role: "CLIENT_ADMIN", organisation: "DFB" },
  { email: "client2@demo.local", name: "南岭示范银行 培训部 钱坤", role: "CLIENT_ADMIN", organisation: "NLB" },
  { email: "learner1@demo.local", name: "陈晓", role: "LEARNER" },
  { email: "learner2@demo.local", name: "刘洋", role: "LEARNER" },
  { email: "learner3@demo.local", name: "张婷", role: "LEARNER" },
  { email: "learner4@demo.local", name: "黄磊", role: "LEARNER" },
  { email: "learner5@demo.local", name: "周静", role: "LEARNER" },
  { email: "learner6@demo.local", name: "吴凡", role: "LEARNER" },
];

export const DEMO_COHORTS = [
  {
    inviteCode: "DEMO2026",
    name: "信用卡业务骨干班 · 第一期",
    trainer: "trainer@demo.local",
    members: ["learner1", "learner2", "learner3", "learner4"],
  },
  {
    inviteCode: "BRANCH26",
    name: "分行团队负责人班",
    trainer: "trainer2@demo.local",
    members: ["learner5", "learner6"],
  },
] as const;

function demoOrganisationOf(inviteCode: string, orgIds: Map<string, string>): string {
  const org = DEMO_ORGANISATIONS.find((o) => (o.cohorts as readonly string[]).includes(inviteCode));
  if (!org) throw new Error(`demo cohort ${inviteCode} has no demo organisation`);
  return orgIds.get(org.code)!;
}

export async function seedDemoData(db: PrismaClient, content: Content) {
  const existing = await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  const cohorts = await db.cohort.count({
    where: { inviteCode: { in: DEMO_COHORTS_FOR_DASHBOARD.map((c) => c.inviteCode) } },
  });
  const enquiries = await db.enquiry.count();
  if (existing === DEMO_USERS.length && cohorts === DEMO_COHORTS_FOR_DASHBOARD.length && enquiries > 0)
    return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  await db.$transaction(async (tx) => {
    for (const o of DEMO_ORGANISATIONS) {
      const org = await tx.organisation.upsert({
        where: { code: o.code },
        create: { code: o.code, name: o.name },
        update: {},
        select: { id: true },
      });
      orgIds.set(o.code, org.id);
    }
    const ids = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: u.email },
        create: {
          email: u.email,
          name: u.name,
          role: u.role,
          organisationId: u.organisation ? orgIds.get(u.organisation)! : null,
          nameSortKey: nameSortKey(u.name),
          passwordHash,
        },
        update: {},
        select: { id: true },
      });
      ids.set(u.email, user.id);
    }
    for (const o of DEMO_ORGANISATIONS) {
      for (const email of o.trainers) {
        const key = { organisationId: orgIds.get(o.code)!, trainerId: ids.get(email)! };
        await tx.organisationTrainer.upsert({
          where: { organisationId_trainerId: key },
          create: key,
          update: {},
          select: { trainerId: true },
        });
      }
    }
    for (const c of DEMO_COHORTS) {
      const cohort = await tx.cohort.upsert({
        where: { inviteCode: c.inviteCode },
        create: {
          name: c.name,
          inviteCode: c.inviteCode,
          trainerId: ids.get(c.trainer)!,
          organisationId: demoOrganisationOf(c.inviteCode, orgIds),
        },
        update: {},
        select: { id: true },
      });
      for (const m of c.members) {
        const userId = ids.get(`${m}@demo.local`)!;
        await tx.cohortMember.upsert({
          where: { cohortId_userId: { cohortId: cohort.id, userId } },
          create: { cohortId: cohort.id, userId },
          update: {},
          select: { cohortId: true },
        });
      }
    }
  });
  // The dashboard's demo cohort (needs the quizzes synced, which prepareDatabase does first).
  const trainer = await db.user.findUniqueOrThrow({ where: { email: "trainer@demo.local" }, select: { id: true } });
  await seedDemoCohorts(db, content, trainer.id, passwordHash, (code) => demoOrganisationOf(code, orgIds));
  // A demo database from before organisations has its cohorts in the default organisation: move
  // them to their bank (the default organisation stays, empty, for the admin to remove or reuse).
  for (const o of DEMO_ORGANISATIONS) {
    await db.cohort.updateMany({
      where: { inviteCode: { in: [...o.cohorts] } },
      data: { organisationId: orgIds.get(o.code)! },
    });
  }
  await seedDemoEnquiries(db, "培训师 李强");
  return { created: true };
}
