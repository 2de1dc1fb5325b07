// On /me: the surveys and pre-tests of the learner's cohorts that are open now.
import Link from "@/components/link";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listOpenPreTestsForLearner } from "@/lib/knowledge-gain/pre-test";
import { getSurvey } from "@/lib/surveys/catalog";
import { listOpenRunsForLearner } from "@/lib/surveys/runs";
import { surveySecret } from "@/lib/surveys/secret";

export type MyClassroomTasksProps = { userId: string };

export async function MyClassroomTasks({ userId }: MyClassroomTasksProps) {
  const [runs, preTests] = await Promise.all([
    listOpenRunsForLearner(getDb(), surveySecret(), userId),
    listOpenPreTestsForLearner(getDb(), userId),
  ]);
  if (runs.length === 0 && preTests.length === 0) return null;
  return (
    <section aria-labelledby="my-surveys" className="mt-10">
      <h2 id="my-surveys" className="text-xl font-semibold">
        待填写的问卷和测验
      </h2>
      <ul className="mt-3 space-y-2">
        {preTests.map((p) => (
          <li key={p.id} className="rounded-lg border border-gray-200 p-3">
            <Link href={`/pretest/${p.id}`} className="font-medium text-brand-700 hover:underline">
              训前测验
            </Link>
            <span className="ml-2 text-sm text-gray-500">
              {p.cohort.name} · {p.attempts[0]?.submittedAt ? "已提交" : `截止 ${formatDateTime(p.closesAt)}`}
            </span>
          </li>
        ))}
        {runs.map((r) => (
          <li key={r.id} className="rounded-lg border border-gray-200 p-3">
            <Link href={`/surveys/${r.id}`} className="font-medium text-brand-700 hover:underline">
              {getSurvey(r.surveyId)?.title ?? "问卷"}
            </Link>
            <span className="ml-2 text-sm text-gray-500">
              {r.cohort.name} · {r.answered ? "已提交" : `截止 ${formatDateTime(r.closesAt)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
