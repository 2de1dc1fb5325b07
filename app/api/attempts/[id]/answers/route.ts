// POST /api/attempts/:id/answers — autosave one answer of the learner's open attempt.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { saveAnswer } from "@/lib/quiz/attempts";
import { failureResponse, learnerAndBody } from "@/lib/quiz/http";

const bodySchema = z.object({ questionVersionId: z.string().min(1).max(40), response: z.unknown() });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await learnerAndBody(req);
  if (auth instanceof Response) return auth;
  const body = bodySchema.safeParse(auth.body);
  if (!body.success) return Response.json({ error: "缺少题目或答案" }, { status: 422 });
  const { id } = await ctx.params;
  const r = await saveAnswer(getDb(), auth.user.id, id.slice(0, 40), body.data.questionVersionId, body.data.response);
  return r.ok ? Response.json({ ok: true }) : failureResponse(r);
}
