import Link from "@/components/link";
import type { ModuleProgress } from "@/lib/progress/progress";

export type FinalAssessmentGateProps = { modules: ModuleProgress[] };

/** On the final assessment's page while it is closed: which modules are unfinished, and what in
 * each (lessons left, quiz not passed), each with a link to go and do it. */
export function FinalAssessmentGate({ modules }: FinalAssessmentGateProps) {
  const missing = modules.filter((m) => !m.done);
  return (
    <section aria-label="尚未完成的模块" className="mt-8 rounded-lg bg-amber-50 p-5 text-amber-950">
      <h2 className="font-semibold">完成全部模块后才能参加结业测评</h2>
      <p className="mt-1 text-sm">每个模块须学完全部课时并通过模块测验。还差以下 {missing.length} 个模块：</p>
      <ul className="mt-3 space-y-3">
        {missing.map((m) => {
          const lessonsLeft = m.lessonsTotal - m.lessonsDone;
          const nextLesson = m.next?.kind === "lesson" ? m.next : null;
          return (
            <li key={m.slug}>
              <Link href={`/course/${m.slug}`} className="font-medium underline">
                模块 {m.number} {m.title}
              </Link>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {m.lessonsTotal === 0 && <li>本模块内容编写中，暂不能完成</li>}
                {lessonsLeft > 0 && (
                  <li>
                    还有 {lessonsLeft} 节课未学完
                    {nextLesson && (
                      <>
                        ：
                        <Link href={nextLesson.href} className="text-brand-700 underline">
                          {nextLesson.title}
                        </Link>
                      </>
                    )}
                  </li>
                )}
                {m.quizId && !m.quizPassed && (
                  <li>
                    <Link href={`/quiz/${m.quizId}`} className="text-brand-700 underline">
                      模块测验
                    </Link>
                    {m.quizAttempts > 0 ? `未通过（最好成绩 ${m.quizBest ?? 0}%）` : "尚未参加"}
                  </li>
                )}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
