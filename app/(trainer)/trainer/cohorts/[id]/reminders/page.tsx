import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm, type ActionFormField } from "@/components/forms/action-form";
import { FilterProblems } from "@/components/forms/filter-problems";
import { Pager } from "@/components/pager";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { formatDateTime } from "@/lib/format/beijing-time";
import { mailSiteUrl } from "@/lib/mail/outbox";
import { REACHES, reminderPage, type Reach } from "@/lib/reminders/decide";
import { parseReminderQuery, reminderQueryString, RULE_FILTERS, ruleFilter, filterRule } from "@/lib/reminders/params";
import { DUE_PREFIX } from "@/lib/reminders/schema";
import { reminderLog } from "@/lib/reminders/send";
import { canManageReminders } from "@/lib/reminders/settings";
import { REMINDER_RULES, type ReminderRule } from "@/lib/reminders/rules";
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
const FIELD = "mt-1 block w-full rounded-md border border-gray-300 px-2 py-2 text-sm";

const RULE_ON: Record<ReminderRule, "dueSoonOn" | "notStartedOn" | "inactiveOn" | "checkInDueOn"> = {
  DUE_SOON: "dueSoonOn",
  NOT_STARTED: "notStartedOn",
  INACTIVE: "inactiveOn",
  CHECK_IN_DUE: "checkInDueOn",
};

type RemindersPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function RemindersPage({ params, searchParams }: RemindersPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/reminders`);
  const { query, problems } = parseReminderQuery(await searchParams);
  const course = await currentCourseShape();
  const [list, log] = await Promise.all([
    reminderPage(db, cohort.id, course, new Date(), query),
    reminderLog(db, cohort.id),
  ]);
  const { settings, counts, all, fresh } = list;
  const manage = canManageReminders(user) && !cohort.organisation.closedAt;
  const base = `/trainer/cohorts/${cohort.id}/reminders`;
  // Whom 一键催学 reminds now: those not reminded today; by mail only with the site's address.
  const freshTotal = REACHES.reduce((n, r) => n + fresh[r], 0);
  const freshMail = mailSiteUrl() ? fresh.EMAIL : 0;
  const ruleLabel = (r: ReminderRule) => `${RULE_LABELS[r]}${settings[RULE_ON[r]] ? "" : "（规则未开启）"}`;
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
          按本班已开启的规则，今天应提醒 {all.total} 人
          {all.remindedToday > 0 && `，其中 ${all.remindedToday} 人今天已提醒过`}。每位学员每天最多提醒一次。
          {noChannel && "尚未开启邮件或企业微信群渠道：本名单即提醒渠道，请线下联系名单中的学员。"}
        </p>
        {all.total === 0 ? (
          <p className="mt-3 text-gray-600">目前没有需要提醒的学员。</p>
        ) : (
          <>
            <div tabIndex={0} className="mt-3 overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">待提醒人数（按原因和渠道）</caption>
                <thead className="border-b border-gray-200 text-gray-600">
                  <tr>
                    <th className="py-2 pr-4">原因</th>
                    <th className="py-2 pr-4 text-right">应提醒</th>
                    {REACHES.map((r) => (
                      <th key={r} className="py-2 pr-4 text-right">
                        {REACH_LABELS[r]}
                      </th>
                    ))}
                    <th className="py-2 text-right">今天已提醒</th>
                  </tr>
                </thead>
                <tbody>
                  {[...REMINDER_RULES.map((r) => [r, counts[r]] as const), [null, all] as const].map(([r, c]) => (
                    <tr key={r ?? "all"} className="border-b border-gray-100">
                      <th scope="row" className="py-2 pr-4 font-normal">
                        {r === null ? (
                          "合计"
                        ) : c.total > 0 ? (
                          <Link
                            href={`${base}${reminderQueryString(query, { rule: ruleFilter(r), page: 1 })}`}
                            className="text-brand-600 hover:underline"
                          >
                            {ruleLabel(r)}
                          </Link>
                        ) : (
                          ruleLabel(r)
                        )}
                      </th>
                      <td className="py-2 pr-4 text-right">{c.total}</td>
                      {REACHES.map((reach) => (
                        <td key={reach} className="py-2 pr-4 text-right">
                          {c.byReach[reach]}
                        </td>
                      ))}
                      <td className="py-2 text-right">{c.remindedToday}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            {manage && freshTotal > 0 && (
              <div className="mt-4 max-w-md">
                <ActionForm
                  action={sendRemindersNowAction}
                  submitLabel={`一键催学（提醒 ${freshTotal} 人）`}
                  hidden={{ cohortId: cohort.id }}
                  fields={[]}
                />
                <p className="mt-1 text-sm text-gray-600">
                  发送邮件 {freshMail} 人，需线下联系 {freshTotal - freshMail} 人
                  {settings.webhookUrl && "，企业微信群收到全班汇总人数"}
                  {all.remindedToday > 0 && `；今天已提醒过的 ${all.remindedToday} 人不再提醒`}。
                </p>
              </div>
            )}
            {manage && freshTotal === 0 && <p className="mt-4 text-sm text-gray-600">应提醒的学员今天都已提醒过。</p>}

            <h3 className="mt-8 font-semibold">待提醒名单</h3>
            <form
              action={base}
              method="get"
              className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4 sm:items-end"
              role="search"
              aria-label="筛选待提醒学员"
            >
              <label className="col-span-2 text-sm sm:col-span-1">
                原因
                <select name="rule" defaultValue={query.rule} className={FIELD}>
                  {RULE_FILTERS.map((f) => {
                    const r = filterRule(f);
                    return (
                      <option key={f} value={f}>
                        {r === null ? `全部原因（${all.total} 人）` : `${RULE_LABELS[r]}（${counts[r].total} 人）`}
                      </option>
                    );
                  })}
                </select>
              </label>
              {list.branches.length > 0 && (
                <label className="text-sm">
                  分行
                  <select name="branch" defaultValue={query.branch} className={FIELD}>
                    <option value="">全部分行</option>
                    {list.branches.map((b) => (
                      <option key={b.branch} value={b.branch}>
                        {`${b.branch}（${b.n} 人）`}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
              >
                筛选
              </button>
            </form>
            <FilterProblems problems={problems} />
            <p className="mt-3 text-sm text-gray-600" aria-live="polite">
              共 {list.total} 人{list.total > 0 ? `，第 ${list.page} / ${list.pages} 页，按姓名拼音排序` : ""}。
            </p>
            {list.rows.length === 0 ? (
              <p className="mt-3 text-gray-600">没有符合条件的学员。</p>
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
                    {list.rows.map((p) => (
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
            <Pager
              page={list.page}
              pages={list.pages}
              href={(p) => `${base}${reminderQueryString(query, { page: p })}`}
            />
          </>
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
