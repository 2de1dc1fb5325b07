// The action-plan check-in rule's source: the cohort's learners whose 30/60/90-day check-in is due
// (lib/action-plans, decision 0025).
import { dueCheckIns } from "@/lib/action-plans/plans";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function learnersWithCheckInDue(db: PrismaClient, cohortId: string, now: Date): Promise<Set<string>> {
  return new Set((await dueCheckIns(db, now, { cohortId })).map((r) => r.userId));
}
