"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { openPreTest } from "@/lib/knowledge-gain/pre-test";
import { openPreTestSchema } from "@/lib/surveys/forms";

export const openPreTestAction = validatedActionWithUser(
  openPreTestSchema,
  async (data, user) => {
    const r = await openPreTest(getDb(), user, data);
    if (!r.ok) return { message: "您没有权限为这个班级开放训前测验" };
    revalidatePath(`/trainer/cohorts/${data.cohortId}/pretest`);
    return { ok: true, message: "训前测验已开放" };
  },
  ["TRAINER"],
);
