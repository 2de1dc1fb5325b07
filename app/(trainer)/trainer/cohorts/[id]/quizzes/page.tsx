import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireRole } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "题目分析" };

type QuizzesPageProps = { params: Promise<{ id: string }> };

export default async function CohortQuizzesPage({ params }: QuizzesPageProps) {
  const { id } = await params;
  const user = await requireRole(["TRAINER", "CLIENT_ADMIN"], `/trainer/cohorts/${id}/quizzes`);
  const cohort = await findVisibleCohort(getDb(), user, id);
  if (!cohort) forbidden();
  const shape = await currentCourseShape();
  const quizzes = [
    ...shape.modules.flatMap((m) =>
      m.quizId ? [{ id: m.quizId, title: m.quizTitle ?? m.title, note: `模块${m.number}` }] : [],
    ),
    ...(shape.finalQuizId ? [{ id: shape.finalQuizId, title: "结业测评", note: "覆盖全部模块与案例" }] : []),
  ];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="quizzes" />
      <p className="mt-6 text-gray-700">
        选择一个测验，查看每道题的答对率、区分度和各选项被选次数。统计取每位学员<strong>第一次</strong>
        提交的作答：之后的重做已经看过解析，会让题目显得更容易。
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {quizzes.map((q) => (
          <li key={q.id}>
            <Link
              href={`/trainer/cohorts/${cohort.id}/quizzes/${q.id}`}
              className="block rounded-lg border border-gray-200 p-4 hover:border-brand-600"
            >
              <span className="block font-medium text-brand-700">{q.title}</span>
              <span className="text-sm text-gray-500">{q.note}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
