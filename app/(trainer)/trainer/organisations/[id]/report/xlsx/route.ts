// GET /trainer/organisations/:id/report/xlsx — the organisation's 结项报告 (the viewer's cohorts there) as an .xlsx pack.
import { recordAudit } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { downloadResponse, toXlsxBook, XLSX_TYPE } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";
import { openOrganisationReport } from "@/lib/reports/snapshot";
import { reportSheets } from "@/lib/reports/workbook";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id } = await params;
  const db = getDb();
  // The snapshot the page shows (lib/reports/snapshot.ts): what is forwarded is what was seen.
  const result = await openOrganisationReport(db, user, id);
  if (!result.ok) return Response.json({ error: "没有权限查看这个客户机构" }, { status: 403 });
  const { report } = result;
  // One event per cohort in the pack, so each cohort's export history stays complete.
  for (const c of report.cohorts)
    await recordAudit(
      db,
      { id: user.id, name: user.name },
      {
        action: "COHORT_EXPORT",
        target: c.id,
        detail: [c.name, `机构结项报告（${report.organisation.name}）`, "xlsx"].join(";"),
        rows: c.learners,
      },
    );
  const body = await toXlsxBook(reportSheets(report));
  return downloadResponse(
    body,
    `${report.organisation.name}-结项报告-${formatDate(report.generatedAt)}.xlsx`,
    XLSX_TYPE,
  );
}
