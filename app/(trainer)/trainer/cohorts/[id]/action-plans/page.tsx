import type { Metadata } from "next";
import { PlanCard } from "@/components/action-plans/plan-card";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { getCohortActionPlans, share } from "@/lib/action-plans/summary";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDate } from "@/lib/format/beijing-time";

export const metadata: Metadata = { title: "行动计划" };

type ActionPlansPageProps = { params: Promise<{ id: string }> };

export default async function CohortActionPlansPage({ params }: ActionPlansPageProps) {
  const { id } = await params;
  const { cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/action-plans`);
  const s = await getCohortActionPlans(db, cohort.id, new Date());
  const figures = [
    { label: "提交行动计划", value: share(s.filed, s.members), detail: `${s.filed} / ${s.members} 名学员` },
    ...s.rounds.map((r) => ({
      label: `第 ${r.round} 天已回访`,
      value: share(r.followed, r.eligible),
      detail:
        r.eligible === 0 ? "尚无计划满 " + r.round + " 天" : `${r.followed} / ${r.eligible} 份已满 ${r.round} 天的计划`,
    })),
    { label: "行动已完成", value: share(s.actionsDone, s.actions), detail: `${s.actionsDone} / ${s.actions} 项行动` },
  ];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="action-plans" />
      <p className="mt-6 text-gray-700">
        学员训后提交 1 到 3 项行动，第 30、60、90 天汇报进展。回访比例只计算已满该天数的计划；
        行动已全部完成或放弃的计划，之后的回访也算已回访。
      </p>
      <dl className="mt-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label} className="rounded-lg border border-gray-200 p-3">
            <dt className="text-sm text-gray-600">{f.label}</dt>
            <dd className="mt-1 text-2xl font-bold text-brand-900">{f.value}</dd>
            <dd className="text-xs text-gray-500">{f.detail}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="examples" className="mt-8">
        <h2 id="examples" className="text-lg font-semibold">
          行动计划示例
        </h2>
        {s.examples.length === 0 ? (
          <p className="mt-2 text-gray-600">这个班级还没有学员提交行动计划。</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {s.examples.map((p) => (
              <li key={p.id}>
                <h3 className="font-medium">
                  {p.user.name}
                  {p.user.branch ? `（${p.user.branch}）` : ""}
                  <span className="ml-2 text-sm font-normal text-gray-500">提交于 {formatDate(p.filedAt)}</span>
                </h3>
                <div className="mt-2">
                  <PlanCard actions={p.actions} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
