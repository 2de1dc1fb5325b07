// GET /api/me/lesson-status?module=…&lesson=… — whether the signed-in learner has ticked this
// lesson, for the static lesson page's "标记为已学完" (components/lesson-progress.tsx). A plain GET,
// not a server action: a read should not queue behind (or in front of) the page's mutations, and
// it keeps the app router out of the page's first seconds.
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { lessonRefSchema } from "@/lib/progress/lesson-ref";
import { isLessonDone } from "@/lib/progress/progress";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  const params = new URL(request.url).searchParams;
  const ref = lessonRefSchema.safeParse({ module: params.get("module"), lesson: params.get("lesson") });
  const done = Boolean(user && ref.success && (await isLessonDone(getDb(), user.id, ref.data.module, ref.data.lesson)));
  return Response.json({ signedIn: Boolean(user), done }, { headers: { "Cache-Control": "private, no-store" } });
}
