import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { Chart } from "@/components/trainer/chart";
import { requireRole } from "@/lib/auth/session";
import { listCohorts } from "@/lib/cohorts/cohorts";
import { topicChart } from "@/lib/dashboard/charts";
import { formatShare } from "@/lib/dashboard/format";
import { getTopicMastery } from "@/lib/dashboard/topic-mastery";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "知识点掌握对比" };

const MAX_COHORTS = 5;

type TopicsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ searchParams }: TopicsPageProps) {
  const user = await requireRole(["TRAINER", "CLIENT_ADMIN"], "/trainer/topics");
  const db = getDb();
  const visible = await listCohorts(db, user);
  const raw = (await searchParams).c;
  const asked = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean))];
  // Asking for a cohort one may not see is refused outright, never silently dropped.
  if (asked.some((id) => !visible.some((c) => c.id === id))) forbidden();
  const tooMany = asked.length > MAX_COHORTS;
  const chosenIds = asked.length ? asked.slice(0, MAX_COHORTS) : visible.slice(0, 2).map((c) => c.id);
  const chosen = chosenIds.map((id) => visible.find((c) => c.id === id)!).filter(Boolean);
  const rows = await getTopicMastery(db, chosenIds);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 培训师后台
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">知识点掌握对比</h1>
      <p className="mt-2 text-sm text-gray-700">
        按题目的知识点标签统计答对率：每位学员每个测验取最近一次提交（代表现在的掌握情况），未答视为答错。最弱的知识点排在最前。
      </p>
      {visible.length === 0 ? (
        <p className="mt-6 text-gray-600">还没有班级。</p>
      ) : (
        <form method="get" className="mt-4 rounded-lg border border-gray-200 p-3">
          <fieldset>
            <legend className="text-sm font-medium">选择要对比的班级（最多 {MAX_COHORTS} 个）</legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {visible.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="c"
                    value={c.id}
                    defaultChecked={chosenIds.includes(c.id)}
                    className="h-4 w-4"
                  />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
          <button
            type="submit"
            className="mt-3 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            对比
          </button>
        </form>
      )}
      {tooMany ? (
        <p role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          一次最多对比 {MAX_COHORTS} 个班级，已取前 {MAX_COHORTS} 个。
        </p>
      ) : null}
      {chosen.length > 0 && rows.length === 0 ? (
        <p className="mt-6 text-gray-600">所选班级还没有提交过的测验。</p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <div className="mt-6">
            <Chart
              option={topicChart(rows, chosen)}
              label="各知识点答对率（按班级对比）"
              height={Math.max(240, rows.length * 26 * chosen.length + 60)}
            />
          </div>
          <div tabIndex={0} className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[28rem] text-left text-sm">
              <thead className="border-b border-gray-200 text-gray-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    知识点
                  </th>
                  {chosen.map((c) => (
                    <th key={c.id} scope="col" className="py-2 pr-4">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.tag} className="border-b border-gray-100">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {r.tag}
                    </th>
                    {chosen.map((c) => {
                      const v = r.cohorts[c.id];
                      return (
                        <td key={c.id} className="py-2 pr-4 tabular-nums">
                          {v ? `${formatShare(v.share)}(${v.correct}/${v.total})` : "—"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
