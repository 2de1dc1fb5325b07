"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { startPreTest, submitPreTest } from "@/lib/knowledge-gain/pre-test";

const preTestSchema = z.looseObject({
  preTestId: z.string({ error: "缺少训前测验" }).regex(/^[a-z0-9]{1,40}$/i, "缺少训前测验"),
});

const REFUSED = {
  NOT_FOUND: "没有找到这份训前测验，或您不在这个班级中",
  FORBIDDEN: "没有找到这份训前测验，或您不在这个班级中",
  NOT_OPEN: "训前测验尚未开始",
  CLOSED: "训前测验已截止",
  ALREADY_SUBMITTED: "您已提交过训前测验",
} as const;

export const startPreTestAction = validatedActionWithUser(preTestSchema, async (data, user) => {
  const r = await startPreTest(getDb(), user.id, data.preTestId);
  if (!r.ok) return { message: REFUSED[r.code] };
  revalidatePath(`/pretest/${data.preTestId}`);
  return { ok: true };
});

export const submitPreTestAction = validatedActionWithUser(preTestSchema, async (data, user, formData) => {
  const r = await submitPreTest(getDb(), user.id, data.preTestId, formData);
  if (!r.ok)
    return r.code === "ALREADY_SUBMITTED" ? { ok: true, message: REFUSED[r.code] } : { message: REFUSED[r.code] };
  revalidatePath(`/pretest/${data.preTestId}`);
  revalidatePath("/me");
  return { ok: true, message: `已提交：答对 ${r.correct} / ${r.total} 题。培训后再做结业测评，看看提升了多少。` };
});
