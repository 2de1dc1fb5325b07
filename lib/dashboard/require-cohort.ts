// The opening of every cohort page: who is asking, and the cohort if their scope includes it.
import "server-only";
import { forbidden } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { findVisibleCohort } from "./access";

/**
 * For a cohort's pages: the signed-in viewer (sent to sign in otherwise), with one of `roles`,
 * and the cohort if their scope includes it — 403 for anything else, whichever it was.
 */
export async function requireVisibleCohort(id: string, returnTo: string, roles: Role[] = ["TRAINER", "CLIENT_ADMIN"]) {
  const user = await requireRole(roles, returnTo);
  const db = getDb();
  const cohort = await findVisibleCohort(db, user, id);
  if (!cohort) forbidden();
  return { user, cohort, db };
}
