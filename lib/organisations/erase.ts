// Erasing learners' personal data, shared by the end of a contract (close.ts) and the retention
// job (retention.ts). The User row stays, anonymous, so progress, attempts and certificates still
// count; what names or reaches the person goes: name (on the certificate too), email, 手机, 工号,
// 分行, 部门, 岗位, the password, every session, sign-in limit records keyed by the email, and the
// free text of action-plan check-ins.
import type { Prisma } from "@/lib/generated/prisma/client";
import { nameSortKey } from "@/lib/sorting/pinyin";

// Not a scrypt hash (lib/auth/password.ts), so no password matches it; the account is disabled too.
const ERASED_PASSWORD = "!erased";

/** The name an erased learner is shown under: the same for the same account, nothing personal. */
export function erasedName(userId: string) {
  return `已删除学员-${userId.slice(-6).toUpperCase()}`;
}

/** Erases the learners' personal data inside the caller's transaction; returns how many. */
export async function eraseLearners(tx: Prisma.TransactionClient, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const withEmail = await tx.user.findMany({
    where: { id: { in: ids }, email: { not: null } },
    select: { email: true },
  });
  const emails = withEmail.map((u) => u.email!);
  const names = ids.map(erasedName);
  const keys = names.map(nameSortKey);
  const erased = await tx.$executeRaw`
    UPDATE "User" u
    SET name = v.name, "nameSortKey" = v.key, email = NULL, mobile = NULL, "employeeNo" = NULL,
        branch = NULL, department = NULL, position = NULL, "passwordHash" = ${ERASED_PASSWORD},
        "sessionVersion" = u."sessionVersion" + 1, disabled = true, "erasedAt" = ${now}, "updatedAt" = ${now}
    FROM unnest(${ids}::text[], ${names}::text[], ${keys}::text[]) AS v(id, name, key)
    WHERE u.id = v.id`;
  // The certificate keeps "the name as it was on the day": that name is personal data too.
  await tx.$executeRaw`
    UPDATE "Certificate" c SET name = u.name FROM "User" u
    WHERE c."userId" = u.id AND u.id = ANY(${ids}::text[])`;
  // What got in the way of an action plan is the learner's own words, often about colleagues or
  // customers; the statuses and figures stay for the cohort's follow-up counts.
  await tx.$executeRaw`
    UPDATE "ActionCheckIn" c SET obstacles = '' FROM "PlanAction" a, "ActionPlan" p
    WHERE c."actionId" = a.id AND a."planId" = p.id AND p."userId" = ANY(${ids}::text[])`;
  // A stored 结项报告 (lib/reports/snapshot.ts) may quote their survey answers and plans: it goes,
  // and the next opening generates it from what is left.
  await tx.$executeRaw`
    DELETE FROM "ReportSnapshot" s USING "CohortMember" m, "Cohort" c
    WHERE m."userId" = ANY(${ids}::text[]) AND c.id = m."cohortId"
      AND (s."cohortId" = c.id OR s."organisationId" = c."organisationId")`;
  await tx.$executeRaw`
    DELETE FROM "RateLimitEvent" r USING unnest(${emails}::text[]) AS e(email)
    WHERE right(r.bucket, length(e.email) + 1) = ':' || e.email`;
  return erased;
}
