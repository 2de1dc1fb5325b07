// GET /trainer/enquiries/export?format=xlsx|csv[&status&q] — the inbox (as filtered) with full
// contact details, for the follow-up team. TRAINER and ADMIN only; erased enquiries are left out.
// Every export is recorded in the audit trail (lib/audit/).
import { recordAudit } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { exportEnquiries, STATUS_LABELS } from "@/lib/enquiries/enquiries";
import { parseInboxFilters } from "@/lib/enquiries/inbox-params";
import { INTERESTS, type Interest } from "@/lib/enquiries/schema";
import { getDb } from "@/lib/db/client";
import { exportFormatOf, exportResponse, type Column } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";

type Row = Awaited<ReturnType<typeof exportEnquiries>>[number];

const columns: Column<Row>[] = [
  { header: "提交时间", value: (r) => r.createdAt, width: 18 },
  { header: "状态", value: (r) => STATUS_LABELS[r.status] },
  { header: "姓名", value: (r) => r.name, width: 12 },
  { header: "单位", value: (r) => r.organisation, width: 24 },
  { header: "职务", value: (r) => r.jobTitle, width: 14 },
  { header: "手机", value: (r) => r.phone, width: 14 },
  { header: "邮箱", value: (r) => r.email, width: 24 },
  { header: "城市", value: (r) => r.city },
  {
    header: "咨询意向",
    value: (r) => (r.interest ? (INTERESTS[r.interest as Interest] ?? r.interest) : null),
    width: 16,
  },
  { header: "预计参训人数", value: (r) => r.trainees },
  { header: "方便联系的时间", value: (r) => r.contactTime, width: 16 },
  { header: "留言", value: (r) => r.message, width: 40 },
  { header: "同意时间", value: (r) => r.consentAt, width: 18 },
  { header: "说明版本", value: (r) => r.noticeVersion, width: 16 },
];

export async function GET(req: Request) {
  const user = await authoriseRequest(["TRAINER"]);
  if (user instanceof Response) return user;
  const search = Object.fromEntries(new URL(req.url).searchParams);
  const format = exportFormatOf(search);
  if (!format) return Response.json({ error: "format 须为 xlsx 或 csv" }, { status: 422 });
  const { filters, problems } = parseInboxFilters(search);
  if (problems.length) return Response.json({ error: problems.join("；") }, { status: 422 });
  const db = getDb();
  const rows = await exportEnquiries(db, filters);
  // Recorded before the file leaves: if the trail cannot be written, nothing is exported.
  const detail = [
    format,
    `状态：${filters.status === "ALL" ? "全部" : STATUS_LABELS[filters.status]}`,
    filters.q ? "含搜索词" : null,
  ]
    .filter(Boolean)
    .join(";");
  await recordAudit(db, { id: user.id, name: user.name }, { action: "ENQUIRY_EXPORT", detail, rows: rows.length });
  const day = formatDate(new Date());
  return exportResponse(format, `咨询-${day}`, columns, rows);
}
