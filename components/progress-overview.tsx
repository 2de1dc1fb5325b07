import Link from "@/components/link";
import type { CourseStep } from "@/lib/progress/course-path";
import type { ModuleProgress } from "@/lib/progress/progress";
import { formatDateTime } from "@/lib/format/beijing-time";

export type ProgressOverviewProps = {
  modules: ModuleProgress[];
  courseDone: boolean;
  lastActivity: Date | null;
  /** The first unfinished step in course order (null when the course is complete). */
  next: CourseStep | null;
  final: { best: number | null; attempts: number; passed: boolean } | null;
};

/** How a step is named on a button or in a list. */
export function stepLabel(step: CourseStep): string {
  return step.kind === "final" ? "结业测评" : step.title;
}

export function ProgressOverview({ modules, courseDone, lastActivity, next, final }: ProgressOverviewProps) {
  const done = modules.filter((m) => m.done).length;
  return (
    <section aria-label="学习进度" className="mt-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold">学习进度</h2>
          <p className="mt-1 text-sm text-gray-600">
            已完成 {done} / {modules.length} 个模块
            {lastActivity && ` · 最近学习 ${formatDateTime(lastActivity)}`}
            {courseDone && " · 已完成全部课程"}
          </p>
        </div>
        {next && (
          <Link
            href={next.href}
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            继续学习：{stepLabel(next)}
          </Link>
        )}
      </div>
      <ul className="mt-4 space-y-3">
        {modules.map((m) => {
          // The quiz is a step too: all lessons ticked with the quiz not yet passed is not full.
          const pct = m.stepsTotal ? Math.round((m.stepsDone / m.stepsTotal) * 100) : 0;
          return (
            <li key={m.slug} className="rounded-lg border border-gray-200 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/course/${m.slug}`} className="font-medium hover:text-brand-600">
                  {m.done ? "✓ " : ""}模块 {m.number} {m.title}
                </Link>
                <span className="text-sm text-gray-600">
                  课时 {m.lessonsDone}/{m.lessonsTotal}
                  {m.hasQuiz &&
                    ` · 测验 ${m.quizBest === null ? "未参加" : `最好 ${m.quizBest}%${m.quizPassed ? "（通过）" : ""}`}`}
                </span>
              </div>
              <div
                role="progressbar"
                aria-label={`模块 ${m.number} 进度`}
                aria-valuenow={pct}
                aria-valuemin={0}
                aria-valuemax={100}
                className="mt-2 h-2 overflow-hidden rounded bg-gray-100"
              >
                <div className={`h-full ${m.done ? "bg-green-600" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      {final && (
        <p className="mt-3 text-sm text-gray-600">
          结业测评：{final.best === null ? "未参加" : `最好 ${final.best}%${final.passed ? "（通过）" : ""}`}
        </p>
      )}
    </section>
  );
}
