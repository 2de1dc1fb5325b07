// Roster import into a cohort: plan (which rows create, update or are refused), then apply the
// whole plan in one transaction or nothing. Learners are matched within the cohort's organisation
// by 工号, else 手机. Imports into one organisation are serialised by a transaction-scoped
// advisory lock, and the plan is recomputed inside it, so two trainers importing at once cannot
// create the same person twice.
import { randomBytes } from "node:crypto";
import { unusablePasswordHash } from "@/lib/auth/password";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/audit-log";
import { nameSortKey } from "@/lib/sorting/pinyin";
import type { RosterField, RosterRow, RosterValues } from "./validate";

export type ImportProblem = "EMAIL_TAKEN" | "MATCHES_TWO_PEOPLE" | "DUPLICATE_IN_ORGANISATION";
export type PlannedRow = {
  line: number;
  values: RosterValues;
  action: "create" | "update" | "skip";
  userId: string | null;
  problems: { field: RosterField; code: ImportProblem }[];
};

type Db = PrismaClient | Prisma.TransactionClient;

export async function planRosterImport(db: Db, organisationId: string, rows: RosterRow[]): Promise<PlannedRow[]> {
  const valid = rows.filter((r) => r.problems.length === 0);
  const employeeNos = valid.map((r) => r.values.employeeNo).filter(Boolean);
  const mobiles = valid.map((r) => r.values.mobile).filter(Boolean);
  const emails = valid.map((r) => r.values.email).filter(Boolean);
  const [inOrg, withEmail] = await Promise.all([
    db.user.findMany({
      where: { organisationId, OR: [{ employeeNo: { in: employeeNos } }, { mobile: { in: mobiles } }] },
      select: { id: true, employeeNo: true, mobile: true },
    }),
    db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
  ]);
  const byEmployee = new Map(inOrg.filter((u) => u.employeeNo).map((u) => [u.employeeNo!, u.id]));
  const byMobile = new Map(inOrg.filter((u) => u.mobile).map((u) => [u.mobile!, u.id]));
  const byEmail = new Map(withEmail.map((u) => [u.email!, u.id]));
  return rows.map((r): PlannedRow => {
    if (r.problems.length > 0) return { line: r.line, values: r.values, action: "skip", userId: null, problems: [] };
    const e = r.values.employeeNo ? byEmployee.get(r.values.employeeNo) : undefined;
    const m = r.values.mobile ? byMobile.get(r.values.mobile) : undefined;
    const problems: PlannedRow["problems"] = [];
    if (e && m && e !== m) problems.push({ field: "mobile", code: "MATCHES_TWO_PEOPLE" });
    const userId = e ?? m ?? null;
    // Matched by 工号 but the 手机 is someone else's in this bank (or the other way round).
    if (e && !m && r.values.mobile && byMobile.has(r.values.mobile))
      problems.push({ field: "mobile", code: "DUPLICATE_IN_ORGANISATION" });
    const owner = r.values.email ? byEmail.get(r.values.email) : undefined;
    if (owner && owner !== userId) problems.push({ field: "email", code: "EMAIL_TAKEN" });
    if (problems.length) return { line: r.line, values: r.values, action: "skip", userId, problems };
    return { line: r.line, values: r.values, action: userId ? "update" : "create", userId, problems };
  });
}

const profile = (v: RosterValues) => ({
  name: v.name,
  nameSortKey: nameSortKey(v.name),
  employeeNo: v.employeeNo || null,
  mobile: v.mobile || null,
  branch: v.branch || null,
  department: v.department || null,
  position: v.position || null,
});

export type ImportResult =
  { ok: true; created: number; updated: number } | { ok: false; code: "HAS_PROBLEMS"; plan: PlannedRow[] };

/** All rows or none: any row with a problem (in the file or against the bank) stops the import. */
export async function applyRosterImport(
  db: PrismaClient,
  actor: Actor,
  cohort: { id: string; organisationId: string },
  rows: RosterRow[],
): Promise<ImportResult> {
  if (rows.some((r) => r.problems.length > 0)) {
    return { ok: false, code: "HAS_PROBLEMS", plan: await planRosterImport(db, cohort.organisationId, rows) };
  }
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roster:${cohort.organisationId}`}))`;
      const plan = await planRosterImport(tx, cohort.organisationId, rows);
      if (plan.some((p) => p.problems.length > 0)) return { ok: false as const, code: "HAS_PROBLEMS" as const, plan };
      // Imported accounts have no usable password until the learner sets one by the activation
      // link: this hash of random bytes matches nothing anyone can type.
      const unusable = unusablePasswordHash();
      const creates = plan.filter((p) => p.action === "create");
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
      const updates = plan.filter((p) => p.action === "update");
      for (const p of updates) {
        await tx.user.update({
          where: { id: p.userId! },
          data: { ...profile(p.values), ...(p.values.email ? { email: p.values.email } : {}) },
          select: { id: true },
        });
      }
      await tx.cohortMember.createMany({
        data: [...ids, ...updates.map((p) => p.userId!)].map((userId) => ({ cohortId: cohort.id, userId })),
        skipDuplicates: true,
      });
      await recordAudit(tx, actor, {
        action: "ROSTER_IMPORT",
        target: cohort.id,
        detail: `新建 ${creates.length}，更新 ${updates.length}`,
        rows: plan.length,
      });
      return { ok: true as const, created: creates.length, updated: updates.length };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
