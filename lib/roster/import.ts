// Roster import into a cohort: the whole plan (lib/roster/plan.ts) in one transaction, or nothing.
// Imports into one organisation are serialised by a transaction-scoped advisory lock and the plan
// is recomputed inside it, so two trainers importing at once cannot create the same person twice;
// when the caller passes the fingerprint of the preview the trainer confirmed, a plan that has
// changed since (another import, an edit) is refused as STALE instead of being applied blindly.
import { randomBytes } from "node:crypto";
import { unusablePasswordHash } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { nameSortKey } from "@/lib/sorting/pinyin";
import { planRosterImport, type PlannedRow, type RosterPlan } from "./plan";
import type { RosterRow, RosterValues } from "./validate";

const profile = (v: RosterValues) => ({
  name: v.name,
  nameSortKey: nameSortKey(v.name),
  employeeNo: v.employeeNo || null,
  mobile: v.mobile || null,
  branch: v.branch || null,
  department: v.department || null,
  position: v.position || null,
});

/** Rows per UPDATE: each statement carries one array per column, not a parameter per cell. */
const BATCH = 1000;

export type ImportResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; code: "HAS_PROBLEMS" | "STALE"; plan: RosterPlan }
  | { ok: false; code: "CLOSED" };

/**
 * All rows or none: any row with a problem (in the file or against the bank) stops the import.
 * `confirmed` is the fingerprint of the preview the trainer confirmed (omitted only by scripts).
 */
export async function applyRosterImport(
  db: PrismaClient,
  actor: Actor,
  cohort: { id: string; organisationId: string },
  rows: RosterRow[],
  confirmed?: string,
): Promise<ImportResult> {
  if (rows.some((r) => r.problems.length > 0)) {
    return { ok: false, code: "HAS_PROBLEMS", plan: await planRosterImport(db, cohort, rows) };
  }
  return db.$transaction(
    async (tx): Promise<ImportResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roster:${cohort.organisationId}`}))`;
      // Closing the organisation takes the same lock: an import never lands after its learners were erased.
      const org = await tx.organisation.findUnique({
        where: { id: cohort.organisationId },
        select: { closedAt: true },
      });
      if (!org || org.closedAt) return { ok: false, code: "CLOSED" };
      const plan = await planRosterImport(tx, cohort, rows);
      if (confirmed !== undefined && plan.fingerprint !== confirmed) return { ok: false, code: "STALE", plan };
      if (plan.rows.some((p) => p.problems.length > 0)) return { ok: false, code: "HAS_PROBLEMS", plan };
      // Imported accounts have no usable password until the learner sets one by the activation
      // link: this hash of random bytes matches nothing anyone can type.
      const unusable = unusablePasswordHash();
      const creates = plan.rows.filter((p) => p.action === "create");
      const ids = creates.map(() => `r${randomBytes(12).toString("hex")}`);
      await tx.user.createMany({
        data: creates.map((p, i) => ({
          id: ids[i]!,
          ...profile(p.values),
          email: p.values.email || null,
          organisationId: cohort.organisationId,
          passwordHash: unusable,
        })),
      });
      const updates = plan.rows.filter((p) => p.action === "update");
      // A matched learner whose profile is as in the file only joins this cohort: no profile write.
      const changed = updates.filter((p) => p.changes.length > 0);
      for (let i = 0; i < changed.length; i += BATCH) await updateBatch(tx, changed.slice(i, i + BATCH));
      const unchanged = plan.rows.filter((p) => p.action === "unchanged").length;
      await tx.cohortMember.createMany({
        data: [...ids, ...updates.map((p) => p.userId!)].map((userId) => ({ cohortId: cohort.id, userId })),
        skipDuplicates: true,
      });
      await recordAudit(tx, actor, {
        action: "ROSTER_IMPORT",
        target: cohort.id,
        detail: `新建 ${creates.length}，更新 ${updates.length}，无变化 ${unchanged}`,
        rows: plan.rows.length,
      });
      return { ok: true, created: creates.length, updated: updates.length, unchanged };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One UPDATE … FROM unnest(…) per batch: a statement per 1,000 learners instead of one per
 * learner (2,000 updates took 14 s one by one on PGlite). An empty 邮箱 cell keeps the stored email.
 */
async function updateBatch(tx: Tx, rows: PlannedRow[]) {
  const data = rows.map((r) => ({ ...profile(r.values), id: r.userId!, email: r.values.email || null }));
  const col = (key: keyof (typeof data)[number]) => data.map((d) => d[key]);
  await tx.$executeRaw`
    UPDATE "User" AS u SET
      name = v.name, "nameSortKey" = v.sort_key, "employeeNo" = v.employee_no, mobile = v.mobile,
      branch = v.branch, department = v.department, position = v.position,
      email = COALESCE(v.email, u.email), "updatedAt" = now()
    FROM unnest(
      ${col("id")}::text[], ${col("name")}::text[], ${col("nameSortKey")}::text[], ${col("employeeNo")}::text[],
      ${col("mobile")}::text[], ${col("branch")}::text[], ${col("department")}::text[], ${col("position")}::text[],
      ${col("email")}::text[]
    ) AS v(id, name, sort_key, employee_no, mobile, branch, department, position, email)
    WHERE u.id = v.id`;
}
