"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { responseSchema } from "@/lib/quiz/attempts";
import { checkPractice } from "@/lib/quiz/review";

export async function practiceAction(versionId: unknown, response: unknown) {
  const user = await requireUser("/me/review");
  const parsed = z.tuple([z.string().min(1).max(40), responseSchema]).safeParse([versionId, response]);
  if (!parsed.success) return { ok: false as const, message: "答案格式不正确" };
  const result = await checkPractice(getDb(), user.id, parsed.data[0], parsed.data[1]);
  if (!result) return { ok: false as const, message: "没有找到这道题" };
  return { ok: true as const, ...result };
}
