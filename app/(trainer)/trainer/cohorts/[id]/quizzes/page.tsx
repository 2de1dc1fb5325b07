import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireRole } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getCohortFinalWindow } from "@/lib/quiz/exam-window";
import { toBeijingLocal } from "@/lib/surveys/forms";
import { saveExamWindowAction } from "./actions";

export const metadata: Metadata = { title: "题目分析" };

type QuizzesPageProps = { params: Promise<{ id: string }> };

export default async function CohortQuizzesPage({ params }: QuizzesPageProps) {
  const { id } = await params;
  const user = await requireRole(["TRAINER", "CLIENT_ADMIN"], `/trainer/cohorts/${id}/quizzes`);
  const cohort = await findVisibleCohort(getDb(), user, id);
  if (!cohort) forbidden();
  const shape = await currentCourseShape();
  const { finalOpensAt, finalClosesAt } = await getCohortFinalWindow(getDb(), cohort.id);
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

      {shape.finalQuizId && (
        <section aria-labelledby="exam-window" className="mt-8 max-w-md rounded-lg border border-gray-200 p-4">
          <h2 id="exam-window" className="text-lg font-semibold">
            结业测评开放时间
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            {finalOpensAt && finalClosesAt
              ? `本班学员可在 ${formatDateTime(finalOpensAt)} 至 ${formatDateTime(finalClosesAt)}（北京时间）之间参加结业测评；截止后才向学员显示正确答案和解析。`
              : "未设定：学员完成全部模块后随时可以参加，通过后才显示正确答案和解析。"}
          </p>
          {/* The bank's admin reads the window; setting it is the trainer's. */}
          {user.role !== "CLIENT_ADMIN" && !cohort.organisation.closedAt && (
            <div className="mt-3">
              <ActionForm
                action={saveExamWindowAction}
                submitLabel="保存开放时间"
                hidden={{ cohortId: cohort.id }}
                fields={[
                  {
                    name: "opensAt",
                    label: "开放时间（北京时间）",
                    type: "datetime-local",
                    defaultValue: finalOpensAt ? toBeijingLocal(finalOpensAt) : "",
                  },
                  {
                    name: "closesAt",
                    label: "截止时间（北京时间）",
                    type: "datetime-local",
                    defaultValue: finalClosesAt ? toBeijingLocal(finalClosesAt) : "",
                    hint: "两项都留空并保存，即取消开放时间限制",
                  },
                ]}
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
