// GET /trainer/cohorts/:id/export?data=progress|attempts&format=xlsx|csv[&q&status&sort&dir] —
// the cohort's progress matrix (with the page's filters) or every attempt, as a download.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import { authoriseRequest } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { attemptColumns, getCohortAttempts, matrixColumns } from "@/lib/dashboard/exports";
import { EXPORT_DATA, EXPORT_FORMATS, parseMatrixQuery } from "@/lib/dashboard/params";
import { getProgressMatrixAll } from "@/lib/dashboard/progress-matrix";
import { getDb } from "@/lib/db/client";
import { currentOnlineModules, getCohortHours } from "@/lib/attendance/hours";
import { exportResponse } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";

const exportSchema = z.object({
  data: z.enum(EXPORT_DATA, { error: "data 须为 progress 或 attempts" }),
  format: z.enum(EXPORT_FORMATS, { error: "format 须为 xlsx 或 csv" }),
});

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id } = await params;
  const db = getDb();
  const cohort = await findVisibleCohort(db, user, id);
  if (!cohort) return Response.json({ error: "没有权限查看这个班级" }, { status: 403 });
  const search = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = exportSchema.safeParse(search);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "参数无效" }, { status: 422 });
  const { query, problems } = parseMatrixQuery(search);
  if (problems.length) return Response.json({ error: problems.join("；") }, { status: 422 });
  const day = formatDate(new Date());
  const actor = { id: user.id, name: user.name };
  // Learners' names, emails and scores leave the system: recorded before the file is sent.
  const audit = (label: string, rows: number) =>
    recordAudit(db, actor, {
      action: "COHORT_EXPORT",
      target: cohort.id,
      detail: `${cohort.name};${label};${parsed.data.format}`,
      rows,
    });
  if (parsed.data.data === "attempts") {
    const rows = await getCohortAttempts(db, cohort.id);
    await audit("答题记录", rows.length);
    return exportResponse(parsed.data.format, `${cohort.name}-答题记录-${day}`, attemptColumns, rows);
  }
  const shape = await currentCourseShape();
  const rows = await getProgressMatrixAll(db, shape, cohort.id, query);
  const hours = await getCohortHours(
    db,
    cohort.id,
    await currentOnlineModules(),
    rows.map((r) => r.userId),
  );
  await audit("学习进度", rows.length);
  return exportResponse(parsed.data.format, `${cohort.name}-学习进度-${day}`, matrixColumns(shape, hours), rows);
}
