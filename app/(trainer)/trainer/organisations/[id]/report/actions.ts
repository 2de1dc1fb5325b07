"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { refreshOrganisationReportSchema } from "@/lib/reports/schema";
import { auditReportRefresh, refreshOrganisationReport } from "@/lib/reports/snapshot";

// 更新数据: whoever may open the organisation's report may regenerate it (the same scope check inside).
export const refreshOrganisationReportAction = validatedActionWithUser(
  refreshOrganisationReportSchema,
  async (data, user) => {
    const db = getDb();
    const result = await refreshOrganisationReport(db, user, data.organisationId);
    // Not theirs, or no such record: the same 403 as the page.
    if (!result.ok) forbidden();
    await auditReportRefresh(
      db,
      { id: user.id, name: user.name },
      { organisationId: data.organisationId },
      result.report,
    );
    revalidatePath(`/trainer/organisations/${data.organisationId}/report`);
    return { ok: true, message: `数据已更新，截至 ${formatDateTime(result.report.generatedAt)}（北京时间）。` };
  },
  ["TRAINER", "CLIENT_ADMIN"],
);
