// POST /api/quizzes/:quizId/attempts — start an attempt, or resume the learner's open one.
// 201 new, 200 resumed, 401 signed out, 403 the final while modules are unfinished, 404 unknown
// quiz, 409 no attempts left.
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { startAttempt } from "@/lib/quiz/attempts";
import { failureResponse, learnerAndBody } from "@/lib/quiz/http";

export async function POST(req: Request, ctx: { params: Promise<{ quizId: string }> }) {
  const auth = await learnerAndBody(req);
  if (auth instanceof Response) return auth;
  const { quizId } = await ctx.params;
  const r = await startAttempt(getDb(), await currentCourseShape(), auth.user.id, quizId.slice(0, 40));
  if (!r.ok) return failureResponse(r);
  return Response.json({ attemptId: r.attemptId, resumed: r.resumed }, { status: r.resumed ? 200 : 201 });
}
