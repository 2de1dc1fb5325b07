// The cohort's headline figures, as cards (two per row on a phone).
import type { CohortOverview } from "@/lib/dashboard/overview";
import { formatShare } from "@/lib/dashboard/format";

export type StatCardsProps = {
  overview: CohortOverview;
  /** Members whose certificate was revoked: still 已结业 (they completed), but not certified. */
  revoked: number;
};

export function StatCards({ overview, revoked }: StatCardsProps) {
  const cards = [
    { label: "学员", value: String(overview.enrolled), note: "已加入班级" },
    { label: "已开始", value: formatShare(overview.startedShare), note: `${overview.started} 人` },
    {
      label: "已结业",
      value: formatShare(overview.completedShare),
      note: `${overview.completed} 人${revoked > 0 ? `，持有效证书 ${overview.completed - revoked} 人（${revoked} 张已撤销）` : ""}`,
    },
    {
      label: "结业测评平均分",
      value: overview.averageFinal === null ? "—" : overview.averageFinal.toFixed(1),
      note: `${overview.finalTakers} 人参加（取各人最高分）`,
    },
    { label: "超过7天未学习", value: String(overview.inactive), note: "未结业学员" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {cards.map((c) => (
        <div key={c.label} className="rounded-lg border border-gray-200 bg-white p-3">
          <dt className="text-xs text-gray-500">{c.label}</dt>
          <dd className="mt-1 text-2xl font-bold text-brand-900">{c.value}</dd>
          <dd className="text-xs text-gray-500">{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
