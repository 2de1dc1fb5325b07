"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { changePassword, updateProfile } from "@/lib/auth/accounts";
import { INVITE_PROBLEM_MESSAGES, joinCohortSchema, passwordChangeSchema, profileSchema } from "@/lib/auth/schemas";
import { joinCohort } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { setReminderOptOut } from "@/lib/reminders/opt-out";
import { optOutSchema } from "@/lib/reminders/schema";

export const updateProfileAction = validatedActionWithUser(profileSchema, async (data, user) => {
  await updateProfile(getDb(), user.id, data.name);
  revalidatePath("/me");
  return { ok: true, message: "已保存" };
});

// A password change ends every session, this one included: the user signs in again with the
// new password (which is what a bank's security reviewer expects after a credential change).
export const changePasswordAction = validatedActionWithUser(passwordChangeSchema, async (data, user) => {
  const result = await changePassword(getDb(), user.id, data.currentPassword, data.newPassword);
  if (!result.ok) return { fieldErrors: result.fieldErrors, message: "请按提示修改后再提交" };
  return { ok: true, message: "密码已修改，请用新密码重新登录" };
});

export const joinCohortAction = validatedActionWithUser(joinCohortSchema, async (data, user) => {
  const result = await joinCohort(getDb(), user.id, data.inviteCode);
  if (!result.ok)
    return { fieldErrors: { inviteCode: INVITE_PROBLEM_MESSAGES[result.code] }, message: "请按提示修改后再提交" };
  revalidatePath("/me");
  return { ok: true, message: `已加入班级：${result.cohort.name}` };
});

export const reminderOptOutAction = validatedActionWithUser(optOutSchema, async (data, user) => {
  await setReminderOptOut(getDb(), user.id, data.optOut);
  revalidatePath("/me");
  return { ok: true, message: data.optOut ? "已退订学习提醒邮件" : "已恢复接收学习提醒邮件" };
});
