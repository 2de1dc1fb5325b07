// The header every cohort page shares: back link, name, and the tabs between its views.
import Link from "next/link";

export type CohortNavProps = {
  cohort: { id: string; name: string; trainer: { name: string }; organisation: { name: string } };
  current: "progress" | "quizzes" | "topics" | "learner" | "sessions";
};

export function CohortNav({ cohort, current }: CohortNavProps) {
  const tabs = [
    { key: "progress", href: `/trainer/cohorts/${cohort.id}`, label: "学习进度" },
    { key: "quizzes", href: `/trainer/cohorts/${cohort.id}/quizzes`, label: "题目分析" },
    { key: "topics", href: `/trainer/topics?c=${cohort.id}`, label: "知识点掌握" },
    { key: "sessions", href: `/trainer/cohorts/${cohort.id}/sessions`, label: "课次与签到" },
  ] as const;
  return (
    <header>
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 返回班级列表
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">{cohort.name}</h1>
      <p className="mt-1 text-sm text-gray-600">
        客户机构：{cohort.organisation.name} · 培训师：{cohort.trainer.name}
      </p>
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
