// GET /admin/audit/export?format=xlsx|csv[&action&actor] — the audit trail (as filtered) as a
// file for a compliance review. ADMIN only. It names staff and record ids, no prospect's data.
import { AUDIT_LABELS, exportAuditEvents, parseAuditFilters } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { exportFormatOf, exportResponse, type Column } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";

type Row = Awaited<ReturnType<typeof exportAuditEvents>>[number];

const columns: Column<Row>[] = [
  { header: "时间", value: (r) => r.createdAt, width: 18 },
  { header: "操作人", value: (r) => r.actorName, width: 16 },
  { header: "操作", value: (r) => AUDIT_LABELS[r.action], width: 18 },
  { header: "对象编号", value: (r) => r.target, width: 28 },
  { header: "条数", value: (r) => r.rows },
  { header: "说明", value: (r) => r.detail, width: 40 },
];

export async function GET(req: Request) {
  const user = await authoriseRequest(["ADMIN"]);
  if (user instanceof Response) return user;
  const search = Object.fromEntries(new URL(req.url).searchParams);
  const format = exportFormatOf(search);
  if (!format) return Response.json({ error: "format 须为 xlsx 或 csv" }, { status: 422 });
  const { filters, problems } = parseAuditFilters(search);
  if (problems.length) return Response.json({ error: problems.join("；") }, { status: 422 });
  const day = formatDate(new Date());
  return exportResponse(format, `个人信息操作记录-${day}`, columns, await exportAuditEvents(getDb(), filters));
}
