// The header every cohort page shares: back link, name, and the tabs between its views.
import Link from "@/components/link";
import { OrganisationLogo } from "@/components/organisation-logo";
import { formatDate } from "@/lib/format/beijing-time";

export type CohortNavProps = {
  cohort: {
    id: string;
    name: string;
    trainer: { name: string };
    organisation: { id: string; name: string; closedAt: Date | null; logo: { sha256: string } | null };
  };
  current:
    | "progress"
    | "quizzes"
    | "topics"
    | "activation"
    | "surveys"
    | "pretest"
    | "sessions"
    | "reminders"
    | "action-plans"
    | "report"
    | "learner";
};

export function CohortNav({ cohort, current }: CohortNavProps) {
  const tabs = [
    { key: "progress", href: `/trainer/cohorts/${cohort.id}`, label: "学习进度" },
    { key: "quizzes", href: `/trainer/cohorts/${cohort.id}/quizzes`, label: "题目分析" },
    { key: "topics", href: `/trainer/topics?c=${cohort.id}`, label: "知识点掌握" },
    { key: "activation", href: `/trainer/cohorts/${cohort.id}/activation`, label: "账号开通" },
    { key: "surveys", href: `/trainer/cohorts/${cohort.id}/surveys`, label: "问卷" },
    { key: "pretest", href: `/trainer/cohorts/${cohort.id}/pretest`, label: "训前测验" },
    { key: "sessions", href: `/trainer/cohorts/${cohort.id}/sessions`, label: "课次与签到" },
    { key: "action-plans", href: `/trainer/cohorts/${cohort.id}/action-plans`, label: "行动计划" },
    { key: "reminders", href: `/trainer/cohorts/${cohort.id}/reminders`, label: "学习提醒" },
    { key: "report", href: `/trainer/cohorts/${cohort.id}/report`, label: "结项报告" },
  ] as const;
  return (
    <header>
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 返回班级列表
      </Link>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{cohort.name}</h1>
          <p className="mt-1 text-sm text-gray-600">
            客户机构：{cohort.organisation.name} · 培训师：{cohort.trainer.name}
          </p>
        </div>
        <OrganisationLogo organisation={cohort.organisation} />
      </div>
      {cohort.organisation.closedAt && (
        <p role="status" className="mt-3 rounded-lg bg-gray-100 p-3 text-sm text-gray-700">
          {cohort.organisation.name}已于 {formatDate(cohort.organisation.closedAt)} 结束合作：本班级只读，
          不再接收新学员；学员个人信息已删除，只保留匿名的学习记录。
        </p>
      )}
      <nav aria-label="班级视图" className="mt-4 flex gap-1 overflow-x-auto border-b border-gray-200">
        {tabs.map((t) => (
          <Link
            key={t.key}
            href={t.href}
            aria-current={current === t.key ? "page" : undefined}
            className={`whitespace-nowrap px-4 py-2 text-sm font-medium ${
              current === t.key ? "border-b-2 border-brand-600 text-brand-700" : "text-gray-600 hover:text-brand-600"
            }`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
