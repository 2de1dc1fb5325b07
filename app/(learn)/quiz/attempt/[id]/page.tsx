import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuizForm } from "@/components/quiz/quiz-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getAttemptView, lessonSectionHref } from "@/lib/quiz/views";

export const metadata: Metadata = { title: "作答" };

type AttemptPageProps = { params: Promise<{ id: string }> };

export default async function AttemptPage({ params }: AttemptPageProps) {
  const { id } = await params;
  const user = await requireUser(`/quiz/attempt/${id}`);
  // Someone else's attempt is "not found": attempt ids reveal nothing.
  const view = id.length <= 40 ? await getAttemptView(getDb(), user.id, id) : null;
  if (!view) notFound();

  if (view.state === "in-progress") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-bold text-brand-900">{view.quiz.title}</h1>
        <div className="mt-6">
          <QuizForm attemptId={view.id} questions={view.questions} saved={view.saved} />
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Link href={`/quiz/${view.quiz.id}`} className="text-sm text-brand-600 hover:underline">
        ← 返回测验
      </Link>
      <h1 className="mt-4 text-2xl font-bold text-brand-900">{view.quiz.title}</h1>
      <section aria-label="成绩" className={`mt-6 rounded-lg p-5 ${view.passed ? "bg-green-50" : "bg-amber-50"}`}>
        <p className="text-3xl font-bold">{view.percent}%</p>
        <p className="mt-1">
          答对 {view.correct} / {view.total} 题 · {view.passed ? "通过" : `未通过（及格线 ${view.quiz.passMark}%）`}
        </p>
        {!view.reveal && <p className="mt-2 text-sm">本测验在通过后才显示正确答案和解析。</p>}
      </section>
      <ol className="mt-8 space-y-5">
        {view.review.map((r, i) => (
          <li key={r.versionId} className="rounded-lg border border-gray-200 p-4">
            <p className="font-medium">
              {i + 1}. {r.prompt}
            </p>
            <p className={`mt-2 text-sm ${r.correct ? "text-green-700" : "text-red-700"}`}>
              {r.correct ? "✓ 答对" : "✗ 答错"} · 您的答案：{r.yourAnswer}
            </p>
            {r.rightAnswer && <p className="mt-1 text-sm text-gray-700">正确答案：{r.rightAnswer}</p>}
            {r.explanation && <p className="mt-2 rounded bg-gray-50 p-3 text-sm text-gray-700">{r.explanation}</p>}
            <Link
              href={lessonSectionHref(r.lesson)}
              className="mt-2 inline-block text-sm text-brand-600 hover:underline"
            >
              回到课文复习 →
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
