"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { openSurveySchema } from "@/lib/surveys/forms";
import { openSurveyRun } from "@/lib/surveys/runs";

export const openSurveyAction = validatedActionWithUser(
  openSurveySchema,
  async (data, user) => {
    const r = await openSurveyRun(getDb(), user, {
      cohortId: data.cohortId,
      surveyId: data.surveyId,
      anonymous: data.mode === "anonymous",
      opensAt: data.opensAt,
      closesAt: data.closesAt,
    });
    if (!r.ok)
      return r.code === "NOT_FOUND"
        ? { fieldErrors: { surveyId: "请选择问卷" }, message: "请按提示修改后再提交" }
        : { message: "您没有权限为这个班级发放问卷" };
    revalidatePath(`/trainer/cohorts/${data.cohortId}/surveys`);
    return { ok: true, message: "问卷已发放，下方列表中有链接和二维码" };
  },
  ["TRAINER"],
);
