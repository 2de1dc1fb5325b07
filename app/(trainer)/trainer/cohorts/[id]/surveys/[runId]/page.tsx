import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { SurveyResultsView } from "@/components/trainer/survey-results";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDate, formatDateTime } from "@/lib/format/beijing-time";
import { getSurvey } from "@/lib/surveys/catalog";
import { getSurveyComparison } from "@/lib/surveys/compare";
import { MIN_ANONYMOUS_RESPONSES, resultsVisible } from "@/lib/surveys/results";
import { getVisibleRun } from "@/lib/surveys/runs";
import { tallyRunResults, VERBATIMS_ON_PAGE } from "@/lib/surveys/tally";
import { DownloadLink } from "@/components/wechat/download-link";

export const metadata: Metadata = { title: "问卷结果" };

type SurveyRunPageProps = { params: Promise<{ id: string; runId: string }> };

const rate = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n / of) * 100)}%`);

export default async function SurveyRunPage({ params }: SurveyRunPageProps) {
  const { id, runId } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/surveys/${runId}`);
  const run = await getVisibleRun(db, user, cohort.id, runId);
  const survey = run && getSurvey(run.surveyId);
  if (!run || !survey) notFound();
  const count = run._count.responses;
  const visible = resultsVisible(run.anonymous, count);
  const [results, comparison] = await Promise.all([
    visible
      ? tallyRunResults(db, survey, [run], VERBATIMS_ON_PAGE).then((tallies) => tallies.get(run.id) ?? null)
      : null,
    getSurveyComparison(db, user, survey),
  ]);
  const members = cohort._count.members;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="surveys" />
      <Link
        href={`/trainer/cohorts/${cohort.id}/surveys`}
        className="mt-4 inline-block text-sm text-brand-600 hover:underline"
      >
        ← 全部问卷
      </Link>
      <h2 className="mt-2 text-2xl font-bold text-brand-900">{survey.title}</h2>
      <p className="mt-1 text-sm text-gray-600">
        {run.anonymous ? "匿名" : "实名"} · {formatDateTime(run.opensAt)} 至 {formatDateTime(run.closesAt)}（北京时间）
      </p>
      <p className="mt-3 text-gray-800">
        已回收 <strong>{count}</strong> 份，班级 {members} 人，回收率 {rate(count, members)}。
        {visible && (
          <DownloadLink
            href={`/trainer/cohorts/${cohort.id}/surveys/${run.id}/export`}
            className="ml-3 text-brand-600 hover:underline"
          >
            导出 Excel
          </DownloadLink>
        )}
      </p>

      {results ? (
        <SurveyResultsView results={results} verbatimTotals={results.verbatimTotals} />
      ) : (
        <p role="status" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900">
          {run.anonymous
            ? `匿名问卷满 ${MIN_ANONYMOUS_RESPONSES} 份后才显示结果（目前 ${count} 份），以免从少量回答推断出作答人。`
            : "还没有人提交。"}
        </p>
      )}

      <section aria-labelledby="compare" className="mt-10">
        <h2 id="compare" className="text-lg font-semibold">
          各班级对比
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          同一问卷在您可查看的班级中的结果（各部分为李克特题平均分，满分 5 分）。
        </p>
        <div tabIndex={0} className="mt-3 overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="py-2 pr-3">
                  班级
                </th>
                <th scope="col" className="py-2 pr-3">
                  发放日期
                </th>
                <th scope="col" className="py-2 pr-3">
                  回收
                </th>
                {survey.sections.map((s) => (
                  <th key={s.title} scope="col" className="py-2 pr-3">
                    {s.title}
                  </th>
                ))}
                <th scope="col" className="py-2 pr-3">
                  NPS
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.map((row) => (
                <tr key={row.runId} className={`border-b ${row.runId === run.id ? "bg-brand-50" : ""}`}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link
                      href={`/trainer/cohorts/${row.cohortId}/surveys/${row.runId}`}
                      className="text-brand-700 hover:underline"
                    >
                      {row.cohortName}
                    </Link>
                  </th>
                  <td className="py-2 pr-3">{formatDate(row.opensAt)}</td>
                  <td className="py-2 pr-3">
                    {row.responses}/{row.members}（{rate(row.responses, row.members)}）
                  </td>
                  {row.sections.map((v, i) => (
                    <td key={i} className="py-2 pr-3 tabular-nums">
                      {row.visible ? (v?.toFixed(2) ?? "—") : "不足 5 份"}
                    </td>
                  ))}
                  <td className="py-2 pr-3 tabular-nums">{row.nps?.score?.toFixed(1) ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
