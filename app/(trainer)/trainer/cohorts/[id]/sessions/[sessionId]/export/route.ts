// GET /trainer/cohorts/:id/sessions/:sessionId/export — the session's 签到表 as .xlsx (trainers
// and the bank's client admins, audited like every cohort export).
import { recordAudit } from "@/lib/audit/audit-log";
import { getRegister } from "@/lib/attendance/register";
import { findVisibleSession } from "@/lib/attendance/sessions";
import { sheetColumns } from "@/lib/attendance/sheet";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { exportResponse } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id, sessionId } = await params;
  const db = getDb();
  const session = await findVisibleSession(db, user, id, sessionId);
  if (!session) return Response.json({ error: "没有权限查看这个课次" }, { status: 403 });
  const rows = await getRegister(db, session.cohortId, session.id);
  await recordAudit(db, user, {
    action: "COHORT_EXPORT",
    target: session.cohortId,
    detail: `${session.cohort.name}；签到表 ${session.id}；xlsx`,
    rows: rows.length,
  });
  const name = `${session.cohort.name}-签到表-${formatDate(session.startsAt)}-${session.title}`;
  return exportResponse("xlsx", name, sheetColumns(session.signOutRequired), rows);
}
