import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { FinalAssessmentGate } from "@/components/final-assessment-gate";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { getCurrentUser } from "@/lib/auth/session";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { getLearnerProgress } from "@/lib/progress/progress";
import { expireOverdueAttempts } from "@/lib/quiz/attempts";
import { getQuizzes } from "@/lib/quiz/catalog";
import { getFinalWindows, windowState } from "@/lib/quiz/exam-window";
import { getQuizOverview } from "@/lib/quiz/views";
import { formatDateTime } from "@/lib/format/beijing-time";

type QuizPageProps = { params: Promise<{ quizId: string }> };

export async function generateMetadata({ params }: QuizPageProps): Promise<Metadata> {
  const { quizId } = await params;
  return { title: getQuizzes().find((q) => q.id === quizId)?.title ?? "测验" };
}

export default async function QuizPage({ params }: QuizPageProps) {
  const { quizId } = await params;
  const user = await getCurrentUser();
  const course = await currentCourseShape();
  const now = new Date();
  // A timed attempt left past its deadline (the tab was closed) is scored before it is listed.
  if (user && quizId.length <= 40) await expireOverdueAttempts(getDb(), course, now, { userId: user.id, quizId });
  const overview = quizId.length <= 40 ? await getQuizOverview(getDb(), quizId, user?.id ?? null) : null;
  if (!overview) notFound();
  const { quiz, attempts } = overview;
  // The final opens once every module is done; until then the page lists what is missing (the
  // start route refuses it too). Then only inside the learner's cohort window, if one is set.
  const isFinal = quiz.id === course.finalQuizId;
  const progress = user && isFinal ? await getLearnerProgress(getDb(), course, user.id) : null;
  const finalClosed = progress !== null && !progress.finalOpen;
  const examWindow =
    user && isFinal ? windowState(await getFinalWindows(getDb(), user.id), now) : { kind: "none" as const };
  const submitted = attempts.filter((a) => a.submittedAt);
  const best = submitted.reduce<number | null>(
    (m, a) => (a.percent !== null && (m === null || a.percent > m) ? a.percent : m),
    null,
  );
  const open = attempts.find((a) => !a.submittedAt);
  const left = quiz.attemptsAllowed === null ? null : quiz.attemptsAllowed - submitted.length;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      {quiz.moduleSlug && (
        <Link href={`/course/${quiz.moduleSlug}`} className="text-sm text-brand-600 hover:underline">
          ← 返回模块
        </Link>
      )}
      <h1 className="mt-4 text-2xl font-bold text-brand-900 md:text-3xl">{quiz.title}</h1>
      <ul className="mt-4 space-y-1 text-gray-700">
        <li>
          共 {quiz.questionCount} 题，每题 1 分，{quiz.passMark}% 及格
        </li>
        <li>多选题和排序题须全部答对才得分</li>
        <li>
          {quiz.attemptsAllowed === null
            ? "可多次作答，以最好成绩计入进度"
            : `最多作答 ${quiz.attemptsAllowed} 次，以最好成绩计入进度`}
        </li>
        {quiz.timeLimitMinutes !== null && (
          <li>限时 {quiz.timeLimitMinutes} 分钟，从开始作答起计时，刷新页面不会重新计时；到时按已保存的答案自动交卷</li>
        )}
        <li>答案边做边自动保存，刷新或断网都不会丢失</li>
        {examWindow.kind === "open" && <li>本班开放至 {formatDateTime(examWindow.closesAt)}（北京时间）</li>}
      </ul>

      {!user ? (
        <p className="mt-8 rounded-lg bg-brand-50 p-4">
          参加测验需要先
          <Link href={`/login?next=/quiz/${quiz.id}`} className="mx-1 text-brand-600 underline">
            登录
          </Link>
          或
          <Link href="/signup" className="mx-1 text-brand-600 underline">
            注册
          </Link>
          。
        </p>
      ) : finalClosed ? (
        <FinalAssessmentGate modules={progress.modules} />
      ) : examWindow.kind === "before" && !open ? (
        <p role="status" className="mt-8 rounded-lg bg-amber-50 p-4 text-amber-900">
          本班结业测评将于 {formatDateTime(examWindow.opensAt)}（北京时间）开放，届时再来参加。
        </p>
      ) : examWindow.kind === "after" && !open ? (
        <p role="status" className="mt-8 rounded-lg bg-amber-50 p-4 text-amber-900">
          本班结业测评已于 {formatDateTime(examWindow.closesAt)}（北京时间）截止。
        </p>
      ) : left !== null && left <= 0 && !open ? (
        <p className="mt-8 rounded-lg bg-amber-50 p-4 text-amber-900">作答次数已用完。</p>
      ) : (
        <div className="mt-8">
          <StartQuizButton quizId={quiz.id} label={open ? "继续作答" : submitted.length ? "再测一次" : "开始测验"} />
          {left !== null && <p className="mt-2 text-sm text-gray-500">剩余次数：{left}</p>}
        </div>
      )}

      {submitted.length > 0 && (
        <section className="mt-10">
          <h2 className="text-xl font-semibold">
            作答记录 <span className="text-base font-normal text-gray-500">最好成绩 {best}%</span>
          </h2>
          <ul className="mt-3 divide-y divide-gray-100">
            {submitted.map((a) => (
              <li key={a.id} className="flex items-center justify-between py-2">
                <span className="text-sm text-gray-600">{formatDateTime(a.submittedAt)}</span>
                <span className={a.passed ? "text-green-700" : "text-amber-700"}>
                  {a.percent}% {a.passed ? "通过" : "未通过"}
                </span>
                <Link href={`/quiz/attempt/${a.id}`} className="text-sm text-brand-600 hover:underline">
                  查看
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
