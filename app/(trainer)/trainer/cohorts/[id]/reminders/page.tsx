import type { Metadata } from "next";
import { ActionForm, type ActionFormField } from "@/components/forms/action-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { formatDateTime } from "@/lib/format/beijing-time";
import { DUE_PREFIX } from "@/lib/reminders/schema";
import { listPendingReminders, reminderLog, type Reach } from "@/lib/reminders/send";
import { canManageReminders } from "@/lib/reminders/settings";
import type { ReminderRule } from "@/lib/reminders/rules";
import { saveReminderSettingsAction, sendRemindersNowAction } from "./actions";

export const metadata: Metadata = { title: "学习提醒" };

const RULE_LABELS: Record<ReminderRule, string> = {
  DUE_SOON: "单元两天内到期未完成",
  NOT_STARTED: "加入后未开始学习",
  INACTIVE: "7 天未学习",
  CHECK_IN_DUE: "行动计划待回访",
};
const REACH_LABELS: Record<Reach, string> = {
  EMAIL: "邮件",
  LIST_EMAIL_OFF: "仅名单（未开启邮件）",
  LIST_OPTED_OUT: "仅名单（已退订邮件）",
  LIST_NO_EMAIL: "仅名单（无邮箱）",
};
const CHANNEL_LABELS: Record<string, string> = { EMAIL: "邮件" };
const POST_STATES: Record<string, string> = { PENDING: "等待发送", SENT: "已发送" };
const ON_OFF = [
  { value: "on", label: "开启" },
  { value: "off", label: "关闭" },
];
const onOff = (b: boolean) => (b ? "on" : "off");

type RemindersPageProps = { params: Promise<{ id: string }> };

export default async function RemindersPage({ params }: RemindersPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/reminders`);
  const course = await currentCourseShape();
  const [{ settings, pending }, log] = await Promise.all([
    listPendingReminders(db, cohort.id, course, new Date()),
    reminderLog(db, cohort.id),
  ]);
  const manage = canManageReminders(user) && !cohort.organisation.closedAt;
  const moduleTitle = new Map(course.modules.map((m) => [m.slug, m.title]));
  const due = new Map(settings.dueDates.map((d) => [d.moduleSlug, d.dueOn]));
  const noChannel = !settings.emailOn && !settings.webhookUrl;

  const fields: ActionFormField[] = [
    {
      name: "notStartedOn",
      label: "规则：加入后未开始学习",
      options: ON_OFF,
      defaultValue: onOff(settings.notStartedOn),
    },
    {
      name: "notStartedDays",
      label: "加入后几天未开始即提醒",
      type: "number",
      defaultValue: String(settings.notStartedDays),
    },
    {
      name: "dueSoonOn",
      label: "规则：单元两天内到期未完成",
      options: ON_OFF,
      defaultValue: onOff(settings.dueSoonOn),
    },
    { name: "inactiveOn", label: "规则：7 天未学习", options: ON_OFF, defaultValue: onOff(settings.inactiveOn) },
    {
      name: "checkInDueOn",
      label: "规则：行动计划待回访",
      options: ON_OFF,
      defaultValue: onOff(settings.checkInDueOn),
      hint: "学员提交行动计划满 30、60、90 天仍未回访时提醒。",
    },
    {
      name: "emailOn",
      label: "渠道：邮件发给学员",
      options: ON_OFF,
      defaultValue: onOff(settings.emailOn),
      hint: "学员可在“我的”页面或邮件中的链接退订。",
    },
    {
      name: "webhookUrl",
      label: "渠道：企业微信群机器人 Webhook 地址",
      defaultValue: settings.webhookUrl ?? "",
      hint: "群里只发送全班汇总人数和课程链接，不含姓名和成绩。留空表示不使用。",
    },
    {
      name: "automaticOn",
      label: "自动发送",
      options: ON_OFF,
      defaultValue: onOff(settings.automaticOn),
      hint: "开启后系统每天自动提醒，21:00–次日 08:00（北京时间）不发送。",
    },
    ...course.modules.map((m) => ({
      name: `${DUE_PREFIX}${m.slug}`,
      label: `单元 ${m.number} 截止日期：${m.title}`,
      type: "date",
      defaultValue: due.get(m.slug) ?? "",
    })),
  ];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="reminders" />

      <section className="mt-6" aria-labelledby="pending-title">
        <h2 id="pending-title" className="text-lg font-semibold">
          待提醒
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          按本班已开启的规则，今天应提醒 {pending.length} 人。每位学员每天最多提醒一次。
          {noChannel && "尚未开启邮件或企业微信群渠道：本名单即提醒渠道，请线下联系名单中的学员。"}
        </p>
        {pending.length === 0 ? (
          <p className="mt-3 text-gray-600">目前没有需要提醒的学员。</p>
        ) : (
          <div tabIndex={0} className="mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">待提醒学员</caption>
              <thead className="border-b border-gray-200 text-gray-600">
                <tr>
                  <th className="py-2 pr-4">学员</th>
                  <th className="py-2 pr-4">分行</th>
                  <th className="py-2 pr-4">原因</th>
                  <th className="py-2 pr-4">渠道</th>
                  <th className="py-2">今天</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((p) => (
                  <tr key={p.userId} className="border-b border-gray-100">
                    <td className="py-2 pr-4">{p.name}</td>
                    <td className="py-2 pr-4">{p.branch ?? "—"}</td>
                    <td className="py-2 pr-4">
                      {RULE_LABELS[p.rule]}
                      {p.moduleSlug && `（${moduleTitle.get(p.moduleSlug) ?? p.moduleSlug}）`}
                    </td>
                    <td className="py-2 pr-4">{REACH_LABELS[p.reach]}</td>
                    <td className="py-2">{p.remindedToday ? "已提醒" : "未提醒"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manage && pending.length > 0 && (
          <div className="mt-4 max-w-md">
            <ActionForm
              action={sendRemindersNowAction}
              submitLabel="一键催学"
              hidden={{ cohortId: cohort.id }}
              fields={[]}
            />
          </div>
        )}
      </section>

      <section className="mt-10" aria-labelledby="log-title">
        <h2 id="log-title" className="text-lg font-semibold">
          发送记录
        </h2>
        {log.sends.length === 0 && log.posts.length === 0 ? (
          <p className="mt-3 text-gray-600">还没有发送过提醒。</p>
        ) : (
          <div tabIndex={0} className="mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">提醒发送记录</caption>
              <thead className="border-b border-gray-200 text-gray-600">
                <tr>
                  <th className="py-2 pr-4">时间</th>
                  <th className="py-2 pr-4">对象</th>
                  <th className="py-2 pr-4">原因</th>
                  <th className="py-2 pr-4">渠道</th>
                  <th className="py-2">方式</th>
                </tr>
              </thead>
              <tbody>
                {log.sends.map((s) => (
                  <tr key={s.id} className="border-b border-gray-100">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(s.createdAt)}</td>
                    <td className="py-2 pr-4">{s.user.name}</td>
                    <td className="py-2 pr-4">{RULE_LABELS[s.rule as ReminderRule] ?? s.rule}</td>
                    <td className="py-2 pr-4">{CHANNEL_LABELS[s.channel] ?? s.channel}</td>
                    <td className="py-2">{s.trigger === "AUTO" ? "自动" : "一键催学"}</td>
                  </tr>
                ))}
                {log.posts.map((p) => (
                  <tr key={p.id} className="border-b border-gray-100">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(p.createdAt)}</td>
                    <td className="py-2 pr-4">全班（企业微信群）</td>
                    <td className="py-2 pr-4">汇总人数</td>
                    <td className="py-2 pr-4">企业微信群机器人</td>
                    <td className="py-2">
                      {POST_STATES[p.state] ?? p.state}
                      {p.state === "PENDING" && p.attempts > 0 && `（已尝试 ${p.attempts} 次，自动重试）`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {/* The bank's admin reads what is switched on; settings and sending are the trainer's. */}
      {!manage && (
        <section className="mt-10" aria-labelledby="settings-title">
          <h2 id="settings-title" className="text-lg font-semibold">
            提醒设置
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            邮件提醒：{settings.emailOn ? "已开启" : "未开启"}；企业微信群：{settings.webhookUrl ? "已开启" : "未开启"}
            ； 自动发送：{settings.automaticOn ? "已开启" : "未开启"}。
          </p>
        </section>
      )}

      {manage && (
        <section className="mt-10" aria-labelledby="settings-title">
          <h2 id="settings-title" className="text-lg font-semibold">
            提醒设置
          </h2>
          <div className="mt-4 max-w-md">
            <ActionForm
              action={saveReminderSettingsAction}
              submitLabel="保存提醒设置"
              hidden={{ cohortId: cohort.id }}
              fields={fields}
            />
          </div>
        </section>
      )}
    </div>
  );
}
