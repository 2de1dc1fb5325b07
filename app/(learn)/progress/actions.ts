"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { lessonRefSchema } from "@/lib/progress/lesson-ref";
import { markLessonDone } from "@/lib/progress/progress";

export async function markLessonDoneAction(moduleSlug: unknown, lessonSlug: unknown) {
  const user = await getCurrentUser();
  if (!user) return { ok: false as const, message: "请先登录" };
  const ref = lessonRefSchema.safeParse({ module: moduleSlug, lesson: lessonSlug });
  if (!ref.success) return { ok: false as const, message: "请求无效" };
  const r = await markLessonDone(getDb(), await currentCourseShape(), user.id, ref.data.module, ref.data.lesson);
  return r.ok ? { ok: true as const } : { ok: false as const, message: "没有这节课" };
}
