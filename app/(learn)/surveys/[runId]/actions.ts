"use server";

import { z } from "zod";
import { fieldErrorsOf, formValues, validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { submitSurveyResponse } from "@/lib/surveys/runs";
import { surveySecret } from "@/lib/surveys/secret";

// The template decides which answers are required; the run id comes first, then the answers
// are checked against the run's template in submitSurveyResponse.
const runSchema = z.looseObject({ runId: z.string({ error: "缺少问卷" }).regex(/^[a-z0-9]{1,40}$/i, "缺少问卷") });

const REFUSED = {
  NOT_FOUND: "没有找到这份问卷，或您不在这个班级中",
  FORBIDDEN: "没有找到这份问卷，或您不在这个班级中",
  NOT_OPEN: "问卷尚未开始，请在开始时间后再提交",
  CLOSED: "问卷已截止，未能提交",
} as const;

export const submitSurveyAction = validatedActionWithUser(runSchema, async (data, user, formData) => {
  const answers: Record<string, string> = formValues(formData);
  delete answers.runId;
  const r = await submitSurveyResponse(getDb(), surveySecret(), user.id, data.runId, answers);
  // No revalidatePath: /me is rendered per request anyway, and refreshing this page would swap
  // the thank-you for the "already answered" notice.
  if (r.ok) return { ok: true, message: "提交成功，感谢您的反馈！" };
  if (r.code === "INVALID")
    return { fieldErrors: fieldErrorsOf(r.error), message: "还有必填项未完成，请按提示修改后再提交" };
  // A second submit (double tap, another tab) recorded nothing; the first one stands.
  if (r.code === "ALREADY_ANSWERED") return { ok: true, message: "您已提交过这份问卷，每人只能提交一次。感谢参与！" };
  return { message: REFUSED[r.code] };
});
