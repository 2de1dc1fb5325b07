import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { PreTestForm } from "@/components/surveys/pre-test-form";
import { StartPreTestButton } from "@/components/surveys/start-pre-test-button";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getPreTestForLearner } from "@/lib/knowledge-gain/pre-test";
import { toPublicQuestion } from "@/lib/quiz/views";
import { runState } from "@/lib/surveys/runs";
import { startPreTestAction, submitPreTestAction } from "./actions";

export const metadata: Metadata = { title: "训前测验" };

type PreTestPageProps = { params: Promise<{ id: string }> };

export default async function PreTestPage({ params }: PreTestPageProps) {
  const { id } = await params;
  const user = await requireUser(`/pretest/${id}`);
  const found = await getPreTestForLearner(getDb(), user.id, id);
  if (!found.ok) notFound();
  const { preTest, attempt, questions } = found;
  const state = runState(preTest, new Date());
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <p className="text-sm text-gray-500">{preTest.cohort.name}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">训前测验</h1>
      <p className="mt-2 text-gray-700">
        共 {preTest.questionCount} 题，用来了解您培训前的基础，<strong>不计入成绩，也不影响结业证书</strong>
        。请独立作答，不会的题可以不选。截止时间：{formatDateTime(preTest.closesAt)}（北京时间）
      </p>
      <div className="mt-6">
        {attempt?.submittedAt ? (
          <p role="status" className="rounded-lg bg-green-50 p-4 text-green-900">
            您已提交训前测验：答对 {attempt.correct} / {attempt.total} 题。培训后再做结业测评，看看提升了多少。
          </p>
        ) : state === "scheduled" ? (
          <p role="status" className="rounded-lg bg-amber-50 p-4 text-amber-900">
            训前测验将于 {formatDateTime(preTest.opensAt)}（北京时间）开始。
          </p>
        ) : state === "closed" && !attempt ? (
          <p role="status" className="rounded-lg bg-gray-100 p-4 text-gray-800">
            训前测验已截止。
          </p>
        ) : attempt ? (
          <PreTestForm
            preTestId={preTest.id}
            questions={questions.map((q) => toPublicQuestion(q.id, q.question, `${attempt.id}:${q.id}`, true))}
            action={submitPreTestAction}
          />
        ) : (
          <StartPreTestButton preTestId={preTest.id} action={startPreTestAction} />
        )}
      </div>
      <Link href="/me" className="mt-8 inline-block text-sm text-brand-600 hover:underline">
        ← 返回我的学习
      </Link>
    </div>
  );
}
