"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { mailSiteUrl, sendPendingMail } from "@/lib/mail/outbox";
import { reminderSettingsSchema, sendNowSchema } from "@/lib/reminders/schema";
import { canManageReminders, saveReminderSettings } from "@/lib/reminders/settings";
import { sendReminders } from "@/lib/reminders/send";
import { drainWebhooks } from "@/lib/reminders/webhook";
import { scopedCohortWhere } from "@/lib/organisations/scope";
import { after } from "next/server";

const NOT_YOURS = { message: "没有权限修改这个班级的学习提醒" };

export const saveReminderSettingsAction = validatedActionWithUser(
  reminderSettingsSchema,
  async (data, user) => {
    const course = await currentCourseShape();
    const r = await saveReminderSettings(
      getDb(),
      user,
      data,
      course.modules.map((m) => m.slug),
    );
    if (!r.ok) return r.code === "UNKNOWN_MODULE" ? { message: "单元不存在，请刷新页面" } : NOT_YOURS;
    revalidatePath(`/trainer/cohorts/${data.cohortId}/reminders`);
    return { ok: true, message: "提醒设置已保存" };
  },
  ["TRAINER"],
);

// 一键催学: sends now whatever the hour (the trainer chose to), at most once per learner per day.
export const sendRemindersNowAction = validatedActionWithUser(
  sendNowSchema,
  async (data, user) => {
    const db = getDb();
    const cohort = canManageReminders(user)
      ? await db.cohort.findFirst({
          where: scopedCohortWhere(user, { id: data.cohortId, organisation: { closedAt: null } }),
          select: { id: true },
        })
      : null;
    if (!cohort) return NOT_YOURS;
    const r = await sendReminders(db, cohort.id, {
      trigger: "MANUAL",
      course: await currentCourseShape(),
      siteUrl: mailSiteUrl(),
    });
    // Out of the request: the outboxes retry by themselves if SMTP or the group robot is down.
    after(async () => {
      await sendPendingMail();
      await drainWebhooks(db).catch((e) => console.error("[webhook] 发送队列处理失败：", e));
    });
    revalidatePath(`/trainer/cohorts/${cohort.id}/reminders`);
    const parts = [`已发送提醒邮件 ${r.emailed} 封`];
    if (r.webhookQueued) parts.push("企业微信群通知已发出");
    if (r.alreadyToday) parts.push(`${r.alreadyToday} 人今天已提醒过`);
    if (r.listOnly) parts.push(`${r.listOnly} 人需线下联系`);
    return { ok: true, message: parts.join("，") };
  },
  ["TRAINER"],
);
