import type { Metadata } from "next";
import Link from "@/components/link";
import { PracticeQuestion } from "@/components/quiz/practice-question";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getWrongAnswers } from "@/lib/quiz/review";
import { lessonSectionHref } from "@/lib/quiz/views";
import { practiceAction } from "./actions";

export const metadata: Metadata = { title: "错题回顾" };

export default async function ReviewPage() {
  const user = await requireUser("/me/review");
  const wrong = await getWrongAnswers(getDb(), user.id);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/me" className="text-sm text-brand-600 hover:underline">
        ← 我的
      </Link>
      <h1 className="mt-4 text-3xl font-bold text-brand-900">错题回顾</h1>
      <p className="mt-2 text-gray-600">各测验中最近一次答错的题目。在这里重做只是练习，不会改变已记录的成绩。</p>
      {wrong.length === 0 ? (
        <p className="mt-8 rounded-lg bg-green-50 p-4 text-green-900">目前没有错题。</p>
      ) : (
        <ol className="mt-8 space-y-6">
          {wrong.map((w) => (
            <li key={w.versionId} className="rounded-lg border border-gray-200 p-4">
              <p className="text-xs text-gray-500">
                {w.quizTitle} · {w.tags.join("、")}
              </p>
              <p className="mt-1 font-medium">{w.prompt}</p>
              <p className="mt-1 text-sm text-red-700">您上次的答案：{w.yourAnswer}</p>
              <PracticeQuestion question={w.practice} check={practiceAction} />
              <Link
                href={lessonSectionHref(w.lesson)}
                className="mt-3 inline-block text-sm text-brand-600 hover:underline"
              >
                回到课文复习 →
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
