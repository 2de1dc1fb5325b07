// Which roster rows create a learner, update one (matched within the cohort's organisation by 工号,
// else 手机) or are refused, with what each update changes. The preview shows this plan; the
// import recomputes it under the organisation's lock and goes ahead only if its fingerprint is the
// one the trainer saw (docs/decisions/0018), so nothing is imported blindly.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ROSTER_FIELDS, type RosterField, type RosterRow, type RosterValues } from "./validate";

export type ImportProblem = "EMAIL_TAKEN" | "MATCHES_TWO_PEOPLE" | "NOT_A_LEARNER";
export type PlannedRow = {
  line: number;
  values: RosterValues;
  /** update: matched, and its profile changes or it joins this cohort; unchanged: neither; invalid: has problems. */
  action: "create" | "update" | "unchanged" | "invalid";
  userId: string | null;
  matchedBy: "employeeNo" | "mobile" | null;
  /** For an update: the fields whose stored value differs, and that value. */
  changes: { field: RosterField; from: string }[];
  problems: { field: RosterField; code: ImportProblem }[];
};
export type RosterPlan = { rows: PlannedRow[]; fingerprint: string };

type Db = PrismaClient | Prisma.TransactionClient;

const stored = {
  id: true,
  name: true,
  employeeNo: true,
  mobile: true,
  email: true,
  branch: true,
  department: true,
  position: true,
  role: true,
} as const;

export async function planRosterImport(
  db: Db,
  cohort: { id: string; organisationId: string },
  rows: RosterRow[],
): Promise<RosterPlan> {
  const valid = rows.filter((r) => r.problems.length === 0);
  const employeeNos = valid.map((r) => r.values.employeeNo).filter(Boolean);
  const mobiles = valid.map((r) => r.values.mobile).filter(Boolean);
  const emails = valid.map((r) => r.values.email).filter(Boolean);
  const [inOrg, withEmail, members] = await Promise.all([
    db.user.findMany({
      where: {
        organisationId: cohort.organisationId,
        OR: [{ employeeNo: { in: employeeNos } }, { mobile: { in: mobiles } }],
      },
      select: stored,
    }),
    db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
    db.cohortMember.findMany({ where: { cohortId: cohort.id }, select: { userId: true }, orderBy: { userId: "asc" } }),
  ]);
  const byId = new Map(inOrg.map((u) => [u.id, u]));
  const byEmployee = new Map(inOrg.filter((u) => u.employeeNo).map((u) => [u.employeeNo!, u.id]));
  const byMobile = new Map(inOrg.filter((u) => u.mobile).map((u) => [u.mobile!, u.id]));
  const byEmail = new Map(withEmail.map((u) => [u.email!, u.id]));
  const memberIds = new Set(members.map((m) => m.userId));
  const planned = rows.map((r): PlannedRow => {
    const base = { line: r.line, values: r.values, changes: [], problems: [] };
    if (r.problems.length > 0) return { ...base, action: "invalid", userId: null, matchedBy: null };
    const e = r.values.employeeNo ? byEmployee.get(r.values.employeeNo) : undefined;
    const m = r.values.mobile ? byMobile.get(r.values.mobile) : undefined;
    const problems: PlannedRow["problems"] = [];
    if (e && m && e !== m) problems.push({ field: "mobile", code: "MATCHES_TWO_PEOPLE" });
    const userId = e ?? m ?? null;
    const matchedBy: PlannedRow["matchedBy"] = e ? "employeeNo" : m ? "mobile" : null;
    // A roster must not rewrite the bank's training admin (or any staff account) as a learner.
    if (userId && byId.get(userId)!.role !== "LEARNER") problems.push({ field: matchedBy!, code: "NOT_A_LEARNER" });
    const owner = r.values.email ? byEmail.get(r.values.email) : undefined;
    if (owner && owner !== userId) problems.push({ field: "email", code: "EMAIL_TAKEN" });
    if (problems.length) return { ...base, action: "invalid", userId, matchedBy, problems };
    if (!userId) return { ...base, action: "create", userId, matchedBy };
    const current = byId.get(userId)!;
    // An empty 邮箱 cell keeps the stored email (a roster rarely has them); every other cell is the roster's word.
    const changes = ROSTER_FIELDS.filter((f) => (f === "email" ? r.values.email !== "" : true))
      .filter((f) => (current[f] ?? "") !== r.values[f])
      .map((f) => ({ field: f, from: current[f] ?? "" }));
    const unchanged = changes.length === 0 && memberIds.has(userId);
    return { ...base, action: unchanged ? "unchanged" : "update", userId, matchedBy, changes };
  });
  // What the trainer saw: every row's outcome and the stored values it would overwrite, and who
  // is in the cohort. Another import or an edit in between changes it.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([planned, members.map((m) => m.userId)]))
    .digest("base64url");
  return { rows: planned, fingerprint };
}

export function countPlan(rows: PlannedRow[]) {
  const count = (a: PlannedRow["action"]) => rows.filter((r) => r.action === a).length;
  return {
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    invalid: count("invalid"),
  };
}
