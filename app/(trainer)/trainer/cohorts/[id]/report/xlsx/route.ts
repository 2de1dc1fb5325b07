// GET /trainer/cohorts/:id/report/xlsx — the cohort's 结项报告 as an .xlsx pack, one sheet per section.
import { recordAudit } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { downloadResponse, toXlsxBook, XLSX_TYPE } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";
import { openCohortReport } from "@/lib/reports/snapshot";
import { reportSheets } from "@/lib/reports/workbook";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id } = await params;
  const db = getDb();
  // The snapshot the page shows (lib/reports/snapshot.ts): what is forwarded is what was seen.
  const result = await openCohortReport(db, user, id);
  if (!result.ok) return Response.json({ error: "没有权限查看这个班级" }, { status: 403 });
  const { report } = result;
  const name = report.cohorts[0]!.name;
  // The pack carries learners' own words (verbatims) out of the system: recorded like other exports.
  await recordAudit(
    db,
    { id: user.id, name: user.name },
    {
      action: "COHORT_EXPORT",
      target: id,
      detail: [name, "结项报告", "xlsx"].join(";"),
      rows: report.total.learners,
    },
  );
  const body = await toXlsxBook(reportSheets(report));
  return downloadResponse(body, `${name}-结项报告-${formatDate(report.generatedAt)}.xlsx`, XLSX_TYPE);
}
