// The action-plan check-in rule's source: learners whose 30/60/90-day check-in is due. Action
// plans (行动计划) are being built separately (issue 18); until lib/action-plans exists this
// answers nobody, and the rule, though switchable, reminds no one. Wire it to the plans' due
// check-ins when they land.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function learnersWithCheckInDue(_db: PrismaClient, _cohortId: string, _now: Date): Promise<Set<string>> {
  return new Set();
}
