// The audit trail of personal-data handling: who opened an enquiry's contact details, who
// exported enquiries or a cohort's learners, who erased what, and who changed someone's access.
// Compliance reviews ask exactly these questions, and the answers cannot be rebuilt afterwards.
// Events hold ids, counts and filter names only, never the personal data itself (a search term
// may be a phone number, so only whether one was used is kept).
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { ExportFormat } from "@/lib/export/tabular";
import { parseSearchFields, searchQueryString, type SearchParams } from "@/lib/validation/search-params";

type Db = PrismaClient | Prisma.TransactionClient;

export type Actor = { id: string | null; name: string };

/** The retention purge acts on its own; its events name it instead of a person. */
export const PURGE_ACTOR: Actor = { id: null, name: "到期自动删除 (enquiries:purge)" };

export const AUDIT_ACTIONS = [
  "ENQUIRY_VIEW",
  "ENQUIRY_EXPORT",
  "ENQUIRY_ERASE",
  "ENQUIRY_PURGE",
  "COHORT_EXPORT",
  "USER_ACCESS_CHANGE",
  "ORGANISATION_CHANGE",
  "ROSTER_IMPORT",
  "ORGANISATION_EXPORT",
  "ORGANISATION_CLOSE",
  "LEARNER_PURGE",
  "ACTIVATION_LINKS_ISSUE",
  "RESET_LINK_ISSUE",
  "SESSION_CHANGE",
  "ATTENDANCE_MARK",
  "CERTIFICATE_REVOKE",
  "CERTIFICATE_DESIGN_CHANGE",
  "EXAM_WINDOW_CHANGE",
  "EXTRA_ATTEMPT_GRANT",
  "REPORT_REFRESH",
] as const satisfies readonly AuditAction[];

export const AUDIT_LABELS: Record<AuditAction, string> = {
  ENQUIRY_VIEW: "查看咨询联系方式",
  ENQUIRY_EXPORT: "导出咨询",
  ENQUIRY_ERASE: "删除咨询个人信息",
  ENQUIRY_PURGE: "到期删除咨询",
  COHORT_EXPORT: "导出班级学员数据",
  USER_ACCESS_CHANGE: "修改用户角色或状态",
  ORGANISATION_CHANGE: "修改客户机构或其培训师",
  ROSTER_IMPORT: "导入班级名单",
  ORGANISATION_EXPORT: "导出客户机构全部数据",
  ORGANISATION_CLOSE: "结束合作并删除学员个人信息",
  LEARNER_PURGE: "到期删除学员个人信息",
  ACTIVATION_LINKS_ISSUE: "生成账号开通链接",
  RESET_LINK_ISSUE: "生成重置密码链接",
  SESSION_CHANGE: "新建或修改课次",
  ATTENDANCE_MARK: "手工登记出勤",
  CERTIFICATE_REVOKE: "撤销结业证书",
  CERTIFICATE_DESIGN_CHANGE: "修改证书颁发机构、印章或签名",
  EXAM_WINDOW_CHANGE: "设定结业测评开放时间",
  EXTRA_ATTEMPT_GRANT: "给予学员一次额外的结业测评机会",
  REPORT_REFRESH: "更新结项报告数据",
};

export type AuditEntry = { action: AuditAction; target?: string | null; detail?: string | null; rows?: number };

/** Pass the transaction that does the work, so the event and the change land together. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, now = new Date()) {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorId: actor.id,
      actorName: actor.name,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
      rows: entry.rows ?? 0,
      createdAt: now,
    },
    select: { id: true },
  });
}

// Re-reading the same enquiry (a reload, a note saved, a status changed) within this window is
// one viewing, so the trail shows who looked at what rather than how often the page rendered.
export const VIEW_WINDOW_MS = 10 * 60_000;

/** Records that `actor` saw an enquiry's full contact details; returns whether a row was added. */
export async function recordEnquiryView(
  db: PrismaClient,
  actor: Actor & { id: string },
  enquiryId: string,
  now = new Date(),
) {
  const recent = await db.auditEvent.findFirst({
    where: {
      actorId: actor.id,
      action: "ENQUIRY_VIEW",
      target: enquiryId,
      createdAt: { gt: new Date(now.getTime() - VIEW_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (recent) return false;
  await recordAudit(db, actor, { action: "ENQUIRY_VIEW", target: enquiryId, rows: 1 }, now);
  return true;
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { action: AuditAction | "ALL"; actor: string; page: number };

const filterFields = {
  action: z.enum(["ALL", ...AUDIT_ACTIONS], { error: "操作类型无效" }),
  actor: z
    .string()
    .trim()
    .max(50, "操作人最多 50 个字符")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "操作人含有无效字符"),
  page: z.coerce.number({ error: "页码无效" }).int("页码无效").min(1, "页码无效").max(100_000, "页码无效"),
};

const DEFAULT_FILTERS: AuditFilters = { action: "ALL", actor: "", page: 1 };

export function parseAuditFilters(raw: SearchParams) {
  const { values, problems } = parseSearchFields<AuditFilters>(filterFields, DEFAULT_FILTERS, raw);
  return { filters: values, problems };
}

export function auditQueryString(f: AuditFilters, change: Partial<AuditFilters> = {}) {
  return searchQueryString({ ...f, ...change }, DEFAULT_FILTERS);
}

/** The export of what the trail shows (all pages), as a file. */
export function auditExportHref(f: AuditFilters, format: ExportFormat) {
  return `/admin/audit/export${searchQueryString({ ...f, page: 1 }, DEFAULT_FILTERS, { format })}`;
}

const auditWhere = (filters: Pick<AuditFilters, "action" | "actor">): Prisma.AuditEventWhereInput => ({
  ...(filters.action === "ALL" ? {} : { action: filters.action }),
  ...(filters.actor ? { actorName: { contains: filters.actor, mode: "insensitive" as const } } : {}),
});

const auditSelect = {
  id: true,
  action: true,
  actorName: true,
  target: true,
  detail: true,
  rows: true,
  createdAt: true,
} as const;

/** Newest first, a page at a time. A page past the end shows the last page. */
export async function listAuditEvents(db: PrismaClient, filters: AuditFilters) {
  const where = auditWhere(filters);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: auditSelect,
  });
  return { rows, total, page, pages };
}

/** Every matching event, newest first, for a compliance reviewer to take away as a file. */
export async function exportAuditEvents(db: PrismaClient, filters: Pick<AuditFilters, "action" | "actor">) {
  return db.auditEvent.findMany({
    where: auditWhere(filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: auditSelect,
  });
}
