"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/quiz/attempts";

const idSchema = z.string().min(1).max(40);

export const startQuizAction = validatedActionWithUser(z.object({ quizId: idSchema }), async ({ quizId }, user) => {
  const r = await startAttempt(getDb(), user.id, quizId);
  if (!r.ok) return { message: r.message };
  redirect(`/quiz/attempt/${r.attemptId}`);
});

// Autosave of one answer: called with plain arguments from the quiz form, validated here.
export async function saveAnswerAction(attemptId: unknown, questionVersionId: unknown, response: unknown) {
  const user = await requireUser();
  const ids = z.tuple([idSchema, idSchema]).safeParse([attemptId, questionVersionId]);
  if (!ids.success) return { ok: false as const, message: "请求无效" };
  const r = await saveAnswer(getDb(), user.id, ids.data[0], ids.data[1], response);
  return r.ok ? { ok: true as const } : { ok: false as const, message: r.message };
}

export async function submitAttemptAction(attemptId: unknown, answers: unknown) {
  const user = await requireUser();
  const parsed = z.tuple([idSchema, z.record(idSchema, z.unknown())]).safeParse([attemptId, answers]);
  if (!parsed.success) return { ok: false as const, message: "请求无效" };
  const r = await submitAttempt(getDb(), user.id, parsed.data[0], parsed.data[1]);
  return r.ok ? { ok: true as const } : { ok: false as const, message: r.message };
}
