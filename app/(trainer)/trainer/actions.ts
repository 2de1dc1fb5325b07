"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { cohortSchema } from "@/lib/auth/schemas";
import { createCohort } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";

export const createCohortAction = validatedActionWithUser(
  cohortSchema,
  async (data, user) => {
    const cohort = await createCohort(getDb(), user, data);
    if (!cohort) return { fieldErrors: { organisationId: "请选择您负责的客户机构" }, message: "请按提示修改后再提交" };
    revalidatePath("/trainer");
    return { ok: true, message: `班级已创建，邀请码：${cohort.inviteCode}` };
  },
  ["TRAINER"],
);
