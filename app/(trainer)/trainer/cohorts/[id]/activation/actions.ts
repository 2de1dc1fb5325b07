"use server";

import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { issueCohortActivationLinks } from "@/lib/auth/account-links";
import { buildActivationNotices, siteOrigin, type ActivationNotices } from "@/lib/auth/link-sheet";
import { issueActivationSchema } from "@/lib/auth/schemas";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { getDb } from "@/lib/db/client";

// Issues activation links for the cohort's learners who have not set a password, and hands back
// the 开通通知 and the .xlsx built from them: the tokens exist only in this response. Trainers and
// admins only; a client admin reads the list but issues nothing.
export const issueActivationLinksAction = validatedActionWithUser(
  issueActivationSchema,
  async (data, user) => {
    const db = getDb();
    const cohort = await findVisibleCohort(db, user, data.cohortId);
    if (!cohort) forbidden();
    const result = await issueCohortActivationLinks(db, user, cohort.id, data.scope);
    if (!result.ok) return { message: "没有需要生成开通通知的学员：名单中的学员都已开通，或都有有效的开通链接。" };
    const notices: ActivationNotices = await buildActivationNotices(
      result.links,
      siteOrigin(await headers()),
      cohort.name,
    );
    return { ok: true, message: `已为 ${result.links.length} 名学员生成开通链接。`, data: notices };
  },
  ["TRAINER"],
);
