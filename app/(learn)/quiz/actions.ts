"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { startAttempt } from "@/lib/quiz/attempts";

const idSchema = z.string().min(1).max(40);

export const startQuizAction = validatedActionWithUser(z.object({ quizId: idSchema }), async ({ quizId }, user) => {
  const r = await startAttempt(getDb(), user.id, quizId);
  if (!r.ok) return { message: r.message };
  redirect(`/quiz/attempt/${r.attemptId}`);
});
