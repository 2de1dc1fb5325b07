"use server";

import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { issueLearnerLink } from "@/lib/auth/account-links";
import { qrSvg, siteOrigin, type LearnerLink } from "@/lib/auth/link-sheet";
import { linkPath } from "@/lib/auth/one-time-links";
import { learnerLinkSchema } from "@/lib/auth/schemas";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";

// A one-time link for one learner of the cohort (reset, or activation while they never set a
// password), shown once to the trainer. Trainers and admins; client admins only read.
export const issueLearnerLinkAction = validatedActionWithUser(
  learnerLinkSchema,
  async (data, user) => {
    const db = getDb();
    const cohort = await findVisibleCohort(db, user, data.cohortId);
    if (!cohort) forbidden();
    const result = await issueLearnerLink(db, user, cohort.id, data.learnerId);
    if (!result.ok) {
      return {
        message:
          result.code === "ACCOUNT_DISABLED"
            ? "该账号已停用，请先请管理员恢复账号。"
            : "该学员不在此班级，无法生成链接。",
      };
    }
    const url = `${siteOrigin(await headers())}${linkPath(result.purpose, result.token)}`;
    const link: LearnerLink = {
      purpose: result.purpose,
      url,
      qrSvg: await qrSvg(url),
      expires: formatDateTime(result.expiresAt),
    };
    return {
      ok: true,
      message: result.purpose === "ACTIVATE" ? "开通链接已生成。" : "重置密码链接已生成。",
      data: link,
    };
  },
  ["TRAINER"],
);
