"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser, type ActionState } from "@/lib/actions/validated-action";
import { CHECK_IN_PROBLEMS, FILE_PROBLEMS, REVISE_PROBLEMS } from "@/lib/action-plans/labels";
import { fileActionPlan, reviseActionPlan, submitCheckIn } from "@/lib/action-plans/plans";
import { actionPlanSchema, checkInSchema } from "@/lib/action-plans/schema";
import { getDb } from "@/lib/db/client";

// The schema judges due dates against today, so it is built per request.
export async function fileActionPlanAction(prev: ActionState, form: FormData): Promise<ActionState> {
  const now = new Date();
  return validatedActionWithUser(actionPlanSchema(now), async (actions, user) => {
    const result = await fileActionPlan(getDb(), user.id, actions, now);
    if (!result.ok) return { message: FILE_PROBLEMS[result.code] };
    revalidatePath("/me");
    revalidatePath("/me/action-plan");
    return { ok: true, message: "行动计划已提交，第 30 天会请你汇报进展" };
  })(prev, form);
}

export async function reviseActionPlanAction(prev: ActionState, form: FormData): Promise<ActionState> {
  return validatedActionWithUser(actionPlanSchema(new Date()), async (actions, user) => {
    const result = await reviseActionPlan(getDb(), user.id, actions);
    if (!result.ok) return { message: REVISE_PROBLEMS[result.code] };
    revalidatePath("/me");
    revalidatePath("/me/action-plan");
    return { ok: true, message: "行动计划已修改，回访时间不变" };
  })(prev, form);
}

export const submitCheckInAction = validatedActionWithUser(checkInSchema, async (data, user) => {
  const result = await submitCheckIn(getDb(), user.id, data.round, data.reports, new Date());
  if (!result.ok) return { message: CHECK_IN_PROBLEMS[result.code] };
  revalidatePath("/me");
  revalidatePath("/me/action-plan");
  return { ok: true, message: `第 ${result.round} 天回访已提交，谢谢` };
});
