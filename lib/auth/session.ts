// Who is asking, checked on every request that needs it. A JWT alone is not trusted: the user
// must still exist, not be disabled, and the token's session version must match the database
// (sign-out, password/role change and disabling bump it). Pages, actions and route handlers all
// come through here; the proxy's checks are only a first filter.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions, SESSION_ABSOLUTE_MS } from "./options";
import { safeReturnPath } from "./return-path";

export type CurrentUser = {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  organisationId: string | null;
};

/** The signed-in user, or null. Cached per request, so several checks cost one query. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  if (!(session.user.authAt > Date.now() - SESSION_ABSOLUTE_MS)) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.user.id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabled: true,
      sessionVersion: true,
      organisationId: true,
    },
  });
  if (!user || user.disabled || user.sessionVersion !== session.user.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId };
});

/** For pages and actions: redirects to the sign-in page (and back afterwards) when signed out. */
export async function requireUser(returnTo = "/me"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages and actions: 403 unless the user has one of the roles (ADMIN always passes). */
export async function requireRole(roles: Role[], returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN" && !roles.includes(user.role)) forbidden();
  return user;
}

/** For route handlers: a Response to return (401/403) or the user. */
export async function authoriseRequest(roles?: Role[]): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "请先登录" }, { status: 401 });
  if (roles && user.role !== "ADMIN" && !roles.includes(user.role)) {
    return Response.json({ error: "没有权限" }, { status: 403 });
  }
  return user;
}

/**
 * Where someone goes after signing in: the safe same-site `next` they came with, else their own
 * start page (trainers, client admins and admins work from the dashboard; learners from their progress).
 */
export function landingPath(role: Role, next: string | null | undefined): string {
  return safeReturnPath(next, role === "LEARNER" ? "/me" : "/trainer");
}
