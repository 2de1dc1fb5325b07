// A client organisation for tests that need a cohort but are not about organisations: every
// cohort belongs to one. Idempotent, so each test file can ask for it as often as it likes.
import type { PrismaClient } from "@/lib/db/create-client";

export async function testOrganisationId(db: PrismaClient, code = "TEST"): Promise<string> {
  const org = await db.organisation.upsert({
    where: { code },
    create: { name: `测试银行 ${code}`, code },
    update: {},
    select: { id: true },
  });
  return org.id;
}

/** Assigns the trainer to the organisation (a trainer sees cohorts only at assigned organisations). */
export async function assignTestTrainer(db: PrismaClient, organisationId: string, trainerId: string) {
  await db.organisationTrainer.upsert({
    where: { organisationId_trainerId: { organisationId, trainerId } },
    create: { organisationId, trainerId },
    update: {},
    select: { trainerId: true },
  });
}
