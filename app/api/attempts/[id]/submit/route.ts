// POST /api/attempts/:id/submit — score and close the learner's attempt (idempotent: a repeat
// returns the first result with alreadySubmitted: true). A pass that completes the course issues
// the certificate in the same transaction.
import { z } from "zod";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { submitAttempt } from "@/lib/quiz/attempts";
import { failureResponse, learnerAndBody } from "@/lib/quiz/http";

const bodySchema = z.object({ answers: z.record(z.string().max(40), z.unknown()).default({}) });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const auth = await learnerAndBody(req);
  if (auth instanceof Response) return auth;
  const body = bodySchema.safeParse(auth.body);
  if (!body.success) return Response.json({ error: "答案格式不正确" }, { status: 422 });
  const { id } = await ctx.params;
  const r = await submitAttempt(getDb(), await currentCourseShape(), auth.user.id, id.slice(0, 40), body.data.answers);
  return r.ok ? Response.json(r) : failureResponse(r);
}
