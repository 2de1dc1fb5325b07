import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { SurveyForm } from "@/components/surveys/survey-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { MIN_ANONYMOUS_RESPONSES } from "@/lib/surveys/results";
import { getRunForLearner, runState } from "@/lib/surveys/runs";
import { surveySecret } from "@/lib/surveys/secret";
import { submitSurveyAction } from "./actions";

export const metadata: Metadata = { title: "问卷" };

type SurveyPageProps = { params: Promise<{ runId: string }> };

export default async function SurveyPage({ params }: SurveyPageProps) {
  const { runId } = await params;
  // Scanned from the trainer's QR code: sign in first, then come straight back here.
  const user = await requireUser(`/surveys/${runId}`);
  const found = await getRunForLearner(getDb(), surveySecret(), user.id, runId);
  if (!found.ok) notFound();
  const { run, survey, answered } = found;
  const state = runState(run, new Date());
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <p className="text-sm text-gray-500">{run.cohort.name}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{survey.title}</h1>
      <p className="mt-2 text-gray-700">{survey.intro}</p>
      <p className="mt-2 text-sm text-gray-600">
        {run.anonymous
          ? `本问卷为匿名问卷：提交的内容不与您的姓名关联，只记录您所在的分行；结果只以汇总形式呈现，同一分行不足 ${MIN_ANONYMOUS_RESPONSES} 人作答时不单列。`
          : "本问卷为实名问卷：讲师可以看到您的姓名和回答。"}
        截止时间：{formatDateTime(run.closesAt)}（北京时间）
      </p>
      <div className="mt-6">
        {answered ? (
          <p role="status" className="rounded-lg bg-green-50 p-4 text-green-900">
            您已提交过这份问卷，感谢参与！
          </p>
        ) : state === "scheduled" ? (
          <p role="status" className="rounded-lg bg-amber-50 p-4 text-amber-900">
            问卷将于 {formatDateTime(run.opensAt)}（北京时间）开始。
          </p>
        ) : state === "closed" ? (
          <p role="status" className="rounded-lg bg-gray-100 p-4 text-gray-800">
            问卷已截止。
          </p>
        ) : (
          <SurveyForm runId={run.id} survey={survey} action={submitSurveyAction} />
        )}
      </div>
      <Link href="/me" className="mt-8 inline-block text-sm text-brand-600 hover:underline">
        ← 返回我的学习
      </Link>
    </div>
  );
}
