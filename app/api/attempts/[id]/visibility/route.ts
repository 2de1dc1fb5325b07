// POST /api/attempts/:id/visibility — the exam page was hidden (sent by navigator.sendBeacon on
// visibilitychange/pagehide): counted on the learner's own open attempt, at most once every few
// seconds (lib/quiz/visibility.ts). 204 whether or not this one counted; 404 anyone else's.
import { getDb } from "@/lib/db/client";
import { learnerAndBody } from "@/lib/quiz/http";
import { recordPageHidden } from "@/lib/quiz/visibility";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await learnerAndBody(req);
  if (auth instanceof Response) return auth;
  const { id } = await ctx.params;
  const r = await recordPageHidden(getDb(), auth.user.id, id.slice(0, 40));
  return r.ok ? new Response(null, { status: 204 }) : Response.json({ error: "没有找到这次作答" }, { status: 404 });
}
