// The progress matrix: one row per learner, one column per module. Each cell says done / in
// progress / not started in words for screen readers and with a mark and the best score for the
// eye. Column headers are sort links; the name column stays put when the table scrolls sideways.
import Link from "@/components/link";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { formatScore } from "@/lib/dashboard/format";
import { formatAgo } from "@/lib/format/beijing-time";
import { matrixQueryString, STATUS_LABELS, type MatrixQuery } from "@/lib/dashboard/params";
import type { MatrixRow } from "@/lib/dashboard/progress-matrix";
import type { LearnerHours } from "@/lib/attendance/hours";
import { formatHours } from "@/lib/attendance/rules";

const CELL = {
  done: { mark: "✓", text: "已完成", cls: "bg-green-50 text-green-800" },
  in_progress: { mark: "◐", text: "学习中", cls: "bg-amber-50 text-amber-800" },
  not_started: { mark: "·", text: "未开始", cls: "text-gray-400" },
} as const;

export type ProgressMatrixTableProps = {
  cohortId: string;
  shape: CourseShape;
  rows: MatrixRow[];
  query: MatrixQuery;
  now: Date;
  /** Classroom attendance and 学时 of the rows' learners (lib/attendance/hours.ts). */
  hours: Map<string, LearnerHours>;
};

export function ProgressMatrixTable({ cohortId, shape, rows, query, now, hours }: ProgressMatrixTableProps) {
  const base = `/trainer/cohorts/${cohortId}`;
  const sortLink = (sort: MatrixQuery["sort"], label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : active ? "asc" : sort === "name" ? "asc" : "desc";
    return (
      <Link href={`${base}${matrixQueryString(query, { sort, dir, page: 1 })}`} className="hover:underline">
        {label}
        {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };
  const ariaSort = (sort: MatrixQuery["sort"]) =>
    query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div tabIndex={0} className="relative overflow-x-auto rounded-lg border border-gray-200">
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <thead className="bg-gray-50 text-xs text-gray-600">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-gray-50 px-3 py-2" aria-sort={ariaSort("name")}>
              {sortLink("name", "学员")}
            </th>
            <th scope="col" className="px-2 py-2" aria-sort={ariaSort("progress")}>
              {sortLink("progress", "模块")}
            </th>
            {shape.modules.map((m) => (
              <th key={m.slug} scope="col" className="px-2 py-2 text-center" title={m.title}>
                {`M${m.number}`}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-center" aria-sort={ariaSort("final")}>
              {sortLink("final", "结业测评")}
            </th>
            <th scope="col" className="px-2 py-2 text-center">
              出勤
            </th>
            <th scope="col" className="px-2 py-2 text-center">
              学时
            </th>
            <th scope="col" className="px-3 py-2" aria-sort={ariaSort("last_active")}>
              {sortLink("last_active", "最近学习")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} className="border-t border-gray-100">
              <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium">
                <Link href={`${base}/learners/${r.userId}`} className="text-brand-600 hover:underline">
                  {r.name}
                </Link>
                {(r.branch || r.department) && (
                  <span className="block text-xs font-normal text-gray-600">
                    {[r.branch, r.department].filter(Boolean).join(" · ")}
                  </span>
                )}
                <span className="block text-xs font-normal text-gray-500">
                  {STATUS_LABELS[r.status]}
                  {r.inactive ? " · 超过7天未学习" : ""}
                </span>
              </th>
              <td className="px-2 py-2 text-center tabular-nums">
                {r.modulesDone}/{shape.modules.length}
              </td>
              {r.cells.map((c, i) => {
                const m = shape.modules[i]!;
                const look = CELL[c.status];
                return (
                  <td key={m.slug} className="px-1 py-1 text-center">
                    <span
                      className={`inline-block min-w-[3.2rem] rounded px-1 py-1 tabular-nums ${look.cls}`}
                      title={`模块${m.number}:${look.text}，课时 ${c.lessonsDone}/${c.lessonsTotal}${m.quizId ? `，测验最高分 ${formatScore(c.best)}（${c.attempts} 次）` : ""}`}
                    >
                      <span aria-hidden="true">{look.mark}</span>
                      <span className="sr-only">{look.text}</span>
                      {m.quizId && c.best !== null ? ` ${formatScore(c.best)}` : ""}
                    </span>
                  </td>
                );
              })}
              <td className="px-2 py-2 text-center tabular-nums">
                {formatScore(r.finalBest)}
                {r.finalPassed ? <span className="ml-1 text-green-700">通过</span> : null}
              </td>
              <td className="whitespace-nowrap px-2 py-2 text-center tabular-nums">
                {hours.get(r.userId)?.sessions
                  ? `${hours.get(r.userId)!.attended}/${hours.get(r.userId)!.sessions}`
                  : "—"}
              </td>
              <td className="px-2 py-2 text-center tabular-nums">
                {formatHours(hours.get(r.userId)?.totalHours ?? 0)}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-gray-600">{formatAgo(r.lastActive, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
