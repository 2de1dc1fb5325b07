// POST /api/attempts/:id/answers — autosave one answer of the learner's open attempt. Past a timed
// attempt's deadline it is refused (409) and the attempt is scored from its autosaves there and then.
import { z } from "zod";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { expireOverdueAttempts, saveAnswer } from "@/lib/quiz/attempts";
import { failureResponse, learnerAndBody } from "@/lib/quiz/http";

const bodySchema = z.object({ questionVersionId: z.string().min(1).max(40), response: z.unknown() });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await learnerAndBody(req);
  if (auth instanceof Response) return auth;
  const body = bodySchema.safeParse(auth.body);
  if (!body.success) return Response.json({ error: "缺少题目或答案" }, { status: 422 });
  const { id } = await ctx.params;
  const db = getDb();
  const r = await saveAnswer(db, auth.user.id, id.slice(0, 40), body.data.questionVersionId, body.data.response);
  if (r.ok) return Response.json({ ok: true });
  if (r.status === 409)
    await expireOverdueAttempts(db, await currentCourseShape(), new Date(), { userId: auth.user.id });
  return failureResponse(r);
}
