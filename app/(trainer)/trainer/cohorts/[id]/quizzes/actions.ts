"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { examWindowSchema } from "@/lib/quiz/exam-forms";
import { setFinalWindow } from "@/lib/quiz/exam-window";

// The final's window for the cohort: its trainer and admins (client admins only read). Audited.
export const saveExamWindowAction = validatedActionWithUser(
  examWindowSchema,
  async (data, user) => {
    const examWindow = data.opensAt && data.closesAt ? { opensAt: data.opensAt, closesAt: data.closesAt } : null;
    const r = await setFinalWindow(getDb(), user, data.cohortId, examWindow);
    if (!r.ok) return { message: "您没有权限修改这个班级的结业测评时间" };
    revalidatePath(`/trainer/cohorts/${data.cohortId}/quizzes`);
    return {
      ok: true,
      message: examWindow
        ? `已设定：结业测评 ${formatDateTime(examWindow.opensAt)} 至 ${formatDateTime(examWindow.closesAt)}（北京时间）开放`
        : "已取消结业测评的开放时间限制",
    };
  },
  ["TRAINER"],
);
