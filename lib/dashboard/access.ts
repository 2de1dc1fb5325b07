// Which cohort a viewer may open. One rule for every dashboard page and export
// (lib/organisations/scope.ts); anything else (another trainer's cohort, a made-up or
// malformed id) is null, and the caller answers 403 without saying which it was.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/organisations/scope";
import { getCohortFor } from "@/lib/cohorts/cohorts";

const COHORT_ID = /^[a-z0-9]{1,40}$/i;

export async function findVisibleCohort(db: PrismaClient, viewer: Viewer, cohortId: string) {
  if (!COHORT_ID.test(cohortId)) return null;
  return getCohortFor(db, viewer, cohortId);
}
