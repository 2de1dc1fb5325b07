"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { refreshCohortReportSchema } from "@/lib/reports/schema";
import { auditReportRefresh, refreshCohortReport } from "@/lib/reports/snapshot";

// 更新数据: whoever may open the cohort's report may regenerate it (the same scope check inside).
export const refreshCohortReportAction = validatedActionWithUser(
  refreshCohortReportSchema,
  async (data, user) => {
    const db = getDb();
    const result = await refreshCohortReport(db, user, data.cohortId);
    // Not theirs, or no such record: the same 403 as the page.
    if (!result.ok) forbidden();
    await auditReportRefresh(db, { id: user.id, name: user.name }, { cohortId: data.cohortId }, result.report);
    revalidatePath(`/trainer/cohorts/${data.cohortId}/report`);
    return { ok: true, message: `数据已更新，截至 ${formatDateTime(result.report.generatedAt)}（北京时间）。` };
  },
  ["TRAINER", "CLIENT_ADMIN"],
);
