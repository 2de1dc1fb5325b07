"use server";

import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { markLessonDone } from "@/lib/progress/progress";

const lessonRef = z.tuple([z.string().min(1).max(80), z.string().min(1).max(80)]);

export async function markLessonDoneAction(moduleSlug: unknown, lessonSlug: unknown) {
  const user = await getCurrentUser();
  if (!user) return { ok: false as const, message: "请先登录" };
  const ref = lessonRef.safeParse([moduleSlug, lessonSlug]);
  if (!ref.success) return { ok: false as const, message: "请求无效" };
  const r = await markLessonDone(getDb(), await currentCourseShape(), user.id, ref.data[0], ref.data[1]);
  return r.ok ? { ok: true as const } : { ok: false as const, message: "没有这节课" };
}
