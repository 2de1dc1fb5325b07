import type { Metadata } from "next";
import { headers } from "next/headers";
import { Chart } from "@/components/trainer/chart";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { MatrixFilters } from "@/components/trainer/matrix-filters";
import { ProgressMatrixTable } from "@/components/trainer/progress-matrix-table";
import { StatCards } from "@/components/trainer/stat-cards";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { timelineChart } from "@/lib/dashboard/charts";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getCohortOverviews, getCompletionTimeline } from "@/lib/dashboard/overview";
import { exportHref, matrixQueryString, parseMatrixQuery } from "@/lib/dashboard/params";
import { getProgressMatrix } from "@/lib/dashboard/progress-matrix";
import { getBranchBreakdown, hasBranches } from "@/lib/dashboard/branch-breakdown";
import { BranchTable } from "@/components/trainer/branch-table";
import { currentOnlineModules, getCohortHours } from "@/lib/attendance/hours";
import { env } from "@/lib/env";
import { Pager } from "@/components/pager";
import { FilterProblems } from "@/components/forms/filter-problems";
import { RosterImport } from "@/components/trainer/roster-import";
import { CohortPosters } from "@/components/trainer/cohort-posters";
import { DownloadLink } from "@/components/wechat/download-link";
import { isWeChatRequest } from "@/lib/wechat/user-agent";
import { listRevokedHolders } from "@/lib/certificates/revoke";

export const metadata: Metadata = { title: "班级学习进度" };

type CohortPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CohortPage({ params, searchParams }: CohortPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}`);
  const { query, problems } = parseMatrixQuery(await searchParams);
  const shape = await currentCourseShape();
  const now = new Date();
  const [overviews, timeline, matrix, breakdown, revoked] = await Promise.all([
    getCohortOverviews(db, shape, [cohort.id], now),
    getCompletionTimeline(db, shape, cohort.id),
    getProgressMatrix(db, shape, cohort.id, query, now),
    getBranchBreakdown(db, shape, cohort.id, now),
    listRevokedHolders(db, [cohort.id]),
  ]);
  const hours = await getCohortHours(
    db,
    cohort.id,
    await currentOnlineModules(),
    matrix.rows.map((r) => r.userId),
  );
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort();
  const h = await headers();
  const origin = env.SITE_URL ?? `http://${h.get("host") ?? "localhost"}`;
  const inWeChat = isWeChatRequest(h);
  const base = `/trainer/cohorts/${cohort.id}`;
  const download = (data: "progress" | "attempts", format: "xlsx" | "csv") =>
    exportHref(cohort.id, query, data, format);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="progress" />

      {/* Inviting people is the trainer's job; the client's training admin only reads. A closed
          organisation's cohort takes nobody new. */}
      {user.role !== "CLIENT_ADMIN" && !cohort.organisation.closedAt && (
        <section className="mt-6 flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-brand-50 p-3 text-sm text-gray-700">
          <span>
            邀请码：<span className="font-mono font-bold">{cohort.inviteCode}</span>
          </span>
          <span className="break-all">
            邀请链接：<span className="font-mono">{`${origin}/join/${cohort.inviteCode}`}</span>
          </span>
        </section>
      )}
      {!cohort.organisation.closedAt && (
        <CohortPosters
          cohortId={cohort.id}
          cohortName={cohort.name}
          canInvite={user.role !== "CLIENT_ADMIN"}
          inWeChat={inWeChat}
        />
      )}
      {user.role !== "CLIENT_ADMIN" && !cohort.organisation.closedAt && <RosterImport cohortId={cohort.id} />}

      <section className="mt-6" aria-labelledby="overview-title">
        <h2 id="overview-title" className="sr-only">
          概览
        </h2>
        <StatCards overview={overviews.get(cohort.id)!} revoked={revoked.length} />
      </section>

      <section className="mt-8" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-lg font-semibold">
          结业与模块通过情况
        </h2>
        {timeline.length === 0 ? (
          <p className="mt-2 text-sm text-gray-600">还没有学员通过模块测验或结业。</p>
        ) : (
          <>
            <Chart option={timelineChart(timeline)} label="按日期统计的模块测验首次通过人次与累计结业人数" />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-gray-600">查看数据表</summary>
              <table className="mt-2 text-left">
                <thead>
                  <tr>
                    <th className="pr-4">日期</th>
                    <th className="pr-4">模块测验首次通过</th>
                    <th className="pr-4">当日结业</th>
                    <th>累计结业</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.map((p) => (
                    <tr key={p.day}>
                      <td className="pr-4">{p.day}</td>
                      <td className="pr-4">{p.modulePasses}</td>
                      <td className="pr-4">{p.completions}</td>
                      <td>{p.cumulativeCompletions}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      {hasBranches(breakdown) && (
        <section className="mt-8" aria-labelledby="branch-title">
          <h2 id="branch-title" className="text-lg font-semibold">
            按分行、部门统计
          </h2>
          <BranchTable
            rows={breakdown}
            href={(r) => `${base}${matrixQueryString(query, { branch: r.branch, dept: r.department, page: 1 })}`}
          />
        </section>
      )}

      <section className="mt-8" aria-labelledby="matrix-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="matrix-title" className="text-lg font-semibold">
            学习进度矩阵
          </h2>
          <p className="flex flex-wrap gap-3 text-sm">
            <span className="text-gray-600">导出当前筛选结果：</span>
            <DownloadLink
              href={download("progress", "xlsx")}
              inWeChat={inWeChat}
              className="text-brand-600 hover:underline"
            >
              进度 Excel
            </DownloadLink>
            <DownloadLink
              href={download("progress", "csv")}
              inWeChat={inWeChat}
              className="text-brand-600 hover:underline"
            >
              进度 CSV
            </DownloadLink>
            <DownloadLink
              href={download("attempts", "xlsx")}
              inWeChat={inWeChat}
              className="text-brand-600 hover:underline"
            >
              答题记录 Excel
            </DownloadLink>
            <DownloadLink
              href={download("attempts", "csv")}
              inWeChat={inWeChat}
              className="text-brand-600 hover:underline"
            >
              答题记录 CSV
            </DownloadLink>
          </p>
        </div>
        <div className="mt-3">
          <MatrixFilters
            action={base}
            query={query}
            branches={distinct(breakdown.map((r) => r.branch))}
            departments={distinct(
              breakdown.filter((r) => !query.branch || r.branch === query.branch).map((r) => r.department),
            )}
          />
        </div>
        <FilterProblems problems={problems} />
        <p className="mt-3 text-sm text-gray-600" aria-live="polite">
          共 {matrix.total} 名学员{matrix.total > 0 ? `，第 ${matrix.page} / ${matrix.pages} 页` : ""}。✓ 已完成 · ◐
          学习中 · 数字为测验最高分
        </p>
        {matrix.rows.length === 0 ? (
          <p className="mt-3 text-gray-600">没有符合条件的学员。</p>
        ) : (
          <div className="mt-3">
            <ProgressMatrixTable
              cohortId={cohort.id}
              shape={shape}
              rows={matrix.rows}
              query={{ ...query, page: matrix.page }}
              now={now}
              hours={hours}
            />
          </div>
        )}
        <Pager
          page={matrix.page}
          pages={matrix.pages}
          href={(p) => `${base}${matrixQueryString(query, { page: p })}`}
        />
      </section>
    </div>
  );
}
