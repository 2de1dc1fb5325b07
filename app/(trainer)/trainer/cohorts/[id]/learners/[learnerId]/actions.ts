"use server";

import { revalidatePath } from "next/cache";
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
import { extraAttemptSchema } from "@/lib/quiz/exam-forms";
import { grantExtraAttempt, type GrantProblem } from "@/lib/quiz/extra-attempts";

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

const GRANT_PROBLEMS: Record<GrantProblem, string> = {
  FORBIDDEN: "您没有权限为这个班级的学员增加作答次数",
  NOT_MEMBER: "该学员不在此班级",
  UNLIMITED: "结业测评不限作答次数，无需增加",
  ATTEMPTS_LEFT: "该学员还有未用完的作答次数，用完后才能再增加",
};

// One more attempt at the final for one learner of the cohort: trainers and admins. Audited.
export const grantExtraAttemptAction = validatedActionWithUser(
  extraAttemptSchema,
  async (data, user) => {
    const r = await grantExtraAttempt(getDb(), user, data.cohortId, data.learnerId);
    if (!r.ok) return { message: GRANT_PROBLEMS[r.code] };
    revalidatePath(`/trainer/cohorts/${data.cohortId}/learners/${data.learnerId}`);
    return { ok: true, message: `已增加一次结业测评机会（共 ${r.allowed} 次）` };
  },
  ["TRAINER"],
);
