// Who may see which cohorts, as one Prisma `where` clause. Every cohort query of the app goes
// through scopedCohortWhere (lib/cohorts/cohorts.ts), so the organisation filter cannot be left
// out by a caller: the switch is exhaustive over the roles (a new role does not compile until it
// is given a scope), and the caller's own conditions are ANDed with the scope, never spread over
// it, so no caller key can replace the filter.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type Viewer = { id: string; role: Role; organisationId: string | null };

/** Matches no row: learners, and a client admin whose organisation is missing, see no cohort. */
const NOTHING: Prisma.CohortWhereInput = { id: { in: [] } };

export function cohortScope(viewer: Viewer): Prisma.CohortWhereInput {
  switch (viewer.role) {
    case "ADMIN":
      return {};
    case "TRAINER":
      // Their own cohorts, and only at organisations they are (still) assigned to.
      return { trainerId: viewer.id, organisation: { trainers: { some: { trainerId: viewer.id } } } };
    case "CLIENT_ADMIN":
      return viewer.organisationId ? { organisationId: viewer.organisationId } : NOTHING;
    case "LEARNER":
      return NOTHING;
    default: {
      const unknown: never = viewer.role;
      throw new Error(`no cohort scope for role ${String(unknown)}`);
    }
  }
}

export function scopedCohortWhere(viewer: Viewer, where: Prisma.CohortWhereInput = {}): Prisma.CohortWhereInput {
  return { AND: [cohortScope(viewer), where] };
}

/** Which organisations a viewer may pick or read: the same rule, for organisation lists. */
export function organisationScope(viewer: Viewer): Prisma.OrganisationWhereInput {
  switch (viewer.role) {
    case "ADMIN":
      return {};
    case "TRAINER":
      return { trainers: { some: { trainerId: viewer.id } } };
    case "CLIENT_ADMIN":
      return viewer.organisationId ? { id: viewer.organisationId } : { id: { in: [] } };
    case "LEARNER":
      return { id: { in: [] } };
    default: {
      const unknown: never = viewer.role;
      throw new Error(`no organisation scope for role ${String(unknown)}`);
    }
  }
}
