// GET /trainer/cohorts/:id/surveys/:runId/export — a run's responses as .xlsx (audited like the
// cohort exports); an anonymous run only once its results show (5 responses), and without names.
import { recordAudit } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { getDb } from "@/lib/db/client";
import { exportResponse } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";
import { getSurvey } from "@/lib/surveys/catalog";
import { responseColumns } from "@/lib/surveys/export";
import { MIN_ANONYMOUS_RESPONSES, resultsVisible } from "@/lib/surveys/results";
import { getRunResponses, getVisibleRun } from "@/lib/surveys/runs";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; runId: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id, runId } = await params;
  const db = getDb();
  const cohort = await findVisibleCohort(db, user, id);
  if (!cohort) return Response.json({ error: "没有权限查看这个班级" }, { status: 403 });
  const run = await getVisibleRun(db, user, cohort.id, runId);
  const survey = run && getSurvey(run.surveyId);
  if (!run || !survey) return Response.json({ error: "没有这份问卷" }, { status: 404 });
  if (!resultsVisible(run.anonymous, run._count.responses))
    return Response.json({ error: `匿名问卷满 ${MIN_ANONYMOUS_RESPONSES} 份后才能查看和导出结果` }, { status: 409 });
  const rows = await getRunResponses(db, run);
  const label = `${survey.title}（${run.anonymous ? "匿名" : "实名"}）`;
  await recordAudit(
    db,
    { id: user.id, name: user.name },
    {
      action: "COHORT_EXPORT",
      target: cohort.id,
      detail: `${cohort.name};${label};xlsx`,
      rows: rows.length,
    },
  );
  return exportResponse(
    "xlsx",
    `${cohort.name}-${survey.title}-${formatDate(new Date())}`,
    responseColumns(survey, run.anonymous),
    rows,
  );
}
