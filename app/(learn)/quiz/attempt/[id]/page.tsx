import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { QuizForm } from "@/components/quiz/quiz-form";
import { ScoreHeading } from "@/components/quiz/score-heading";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { getContent } from "@/lib/content";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { t } from "@/lib/i18n/zh-cn";
import { expireOverdueAttempts } from "@/lib/quiz/attempts";
import { hasQuiz } from "@/lib/quiz/catalog";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { nextStepAfterQuiz, type NextStep } from "@/lib/quiz/next-step";
import { getAttemptView, lessonSectionHref } from "@/lib/quiz/views";

type AttemptPageProps = { params: Promise<{ id: string }> };

// Read once per request for both the title and the page. Someone else's attempt is "not found":
// attempt ids reveal nothing. A timed attempt past its deadline is scored first (from its
// autosaves), so a learner coming back after closing the tab sees the result.
const loadAttempt = cache(async (id: string) => {
  const user = await getCurrentUser();
  if (!user || id.length > 40) return null;
  const now = new Date();
  await expireOverdueAttempts(getDb(), await currentCourseShape(), now, { userId: user.id });
  return { view: await getAttemptView(getDb(), user.id, id, now), now };
});

export async function generateMetadata({ params }: AttemptPageProps): Promise<Metadata> {
  const view = (await loadAttempt((await params).id))?.view;
  if (!view) return { title: "测验" };
  return { title: `${view.quiz.title}（${view.state === "in-progress" ? "作答中" : "成绩"}）` };
}

function nextStepLabel(next: NextStep) {
  if (next.kind === "module") return `下一模块：${next.title} →`;
  if (next.kind === "final") return "下一步：结业测评 →";
  return t.course.backToCourse;
}

export default async function AttemptPage({ params }: AttemptPageProps) {
  const { id } = await params;
  await requireUser(`/quiz/attempt/${id}`);
  const loaded = await loadAttempt(id);
  const view = loaded?.view;
  if (!loaded || !view) notFound();

  if (view.state === "in-progress") {
    const remainingMs = view.deadlineAt ? Math.max(0, view.deadlineAt.getTime() - loaded.now.getTime()) : null;
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-bold text-brand-900">{view.quiz.title}</h1>
        {view.deadlineAt && (
          <p className="mt-2 text-sm text-gray-600">
            交卷截止：{formatDateTime(view.deadlineAt)}
            （北京时间）。答案边做边自动保存；到时未交卷的，按已保存的答案自动交卷。
          </p>
        )}
        <div className="mt-6">
          <QuizForm attemptId={view.id} questions={view.questions} saved={view.saved} remainingMs={remainingMs} />
        </div>
      </div>
    );
  }

  const next = nextStepAfterQuiz(view.quiz.moduleSlug, getContent().modules, hasQuiz(FINAL_QUIZ_ID));
  const canRetake = view.openAttempt || view.attemptsLeft === null || view.attemptsLeft > 0;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Link href={`/quiz/${view.quiz.id}`} className="text-sm text-brand-600 hover:underline">
        ← 返回测验
      </Link>
      <h1 className="mt-4 text-2xl font-bold text-brand-900">{view.quiz.title}</h1>
      <section aria-labelledby="score" className={`mt-6 rounded-lg p-5 ${view.passed ? "bg-green-50" : "bg-amber-50"}`}>
        <ScoreHeading id="score" describedBy="score-detail">
          <span className="block text-sm font-medium text-gray-700">本次成绩</span>
          <span className="block text-3xl font-bold">{view.percent}%</span>
        </ScoreHeading>
        <p id="score-detail" className="mt-1">
          答对 {view.correct} / {view.total} 题 · {view.passed ? "通过" : `未通过（及格线 ${view.quiz.passMark}%）`}
        </p>
        {view.timedOut && <p className="mt-2 text-sm">已到作答时限，系统按截止前自动保存的答案交卷。</p>}
        {view.revealAfter ? (
          <p className="mt-2 text-sm">
            正确答案和解析将在本班结业测评截止（{formatDateTime(view.revealAfter)}，北京时间）后显示。
          </p>
        ) : (
          !view.reveal && <p className="mt-2 text-sm">本测验在通过后才显示正确答案和解析。</p>
        )}
        <div className="mt-4 flex flex-wrap items-start gap-4">
          {canRetake && (
            <div>
              <StartQuizButton quizId={view.quiz.id} label={view.openAttempt ? "继续作答" : "再测一次"} />
              {view.attemptsLeft !== null && !view.openAttempt && (
                <p className="mt-1 text-sm text-gray-600">剩余次数：{view.attemptsLeft}</p>
              )}
            </div>
          )}
          <Link
            href={next.href}
            className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50"
          >
            {nextStepLabel(next)}
          </Link>
        </div>
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
