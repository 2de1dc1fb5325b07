// GET /trainer/cohorts/:id/posters/invite|course — the cohort's QR poster (PNG, 1080 × 1440) for
// its WeChat group: the invite poster (QR to the join link) or the course poster (QR to the course).
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/attendance/screen";
import { authoriseRequest } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mayHavePoster, posterKindSchema, renderCohortPoster } from "@/lib/share/cohort-poster";

const REFUSALS = {
  INVITE_NOT_YOURS: "邀请学员由培训师负责：请使用课程海报",
  ORGANISATION_CLOSED: "该机构已结束合作，班级不再接收新学员",
} as const;

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const user = await authoriseRequest(["TRAINER", "CLIENT_ADMIN"]);
  if (user instanceof Response) return user;
  const { id, kind: rawKind } = await params;
  const kind = posterKindSchema.safeParse(rawKind);
  if (!kind.success) return Response.json({ error: "没有这种海报" }, { status: 404 });
  const cohort = await findVisibleCohort(getDb(), user, id);
  if (!cohort) return Response.json({ error: "没有权限查看这个班级" }, { status: 403 });
  const refused = mayHavePoster(user.role, cohort, kind.data);
  if (refused) return Response.json({ error: REFUSALS[refused.code] }, { status: refused.status });
  return renderCohortPoster(cohort, kind.data, siteOrigin(env.SITE_URL, await headers()));
}
