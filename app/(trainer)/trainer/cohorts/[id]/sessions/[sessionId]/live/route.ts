// GET /trainer/cohorts/:id/sessions/:sessionId/live?purpose=in|out — the check-in screen's poll:
// the next QR codes and manual codes, the count and the latest arrivals. Trainers only (the codes
// let people check in); never cached.
import { headers } from "next/headers";
import { getScreenState, siteOrigin } from "@/lib/attendance/screen";
import { canManageSessions, findVisibleSession } from "@/lib/attendance/sessions";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

export async function GET(req: Request, { params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const user = await authoriseRequest(["TRAINER"]);
  if (user instanceof Response) return user;
  const { id, sessionId } = await params;
  const db = getDb();
  const session = canManageSessions(user) ? await findVisibleSession(db, user, id, sessionId) : null;
  if (!session) return Response.json({ error: "没有权限打开这个课次的签到" }, { status: 403 });
  const purpose = new URL(req.url).searchParams.get("purpose") === "out" ? "out" : "in";
  const state = await getScreenState(db, siteOrigin(env.SITE_URL, await headers()), session, purpose);
  return Response.json(state, { headers: { "Cache-Control": "no-store" } });
}
