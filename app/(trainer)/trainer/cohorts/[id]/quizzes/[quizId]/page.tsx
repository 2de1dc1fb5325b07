import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { ItemAnalysisTable } from "@/components/trainer/item-analysis-table";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { MIN_RESPONSES_FOR_FLAGS } from "@/lib/dashboard/stats";

export const metadata: Metadata = { title: "题目分析" };

type ItemAnalysisPageProps = { params: Promise<{ id: string; quizId: string }> };

export default async function ItemAnalysisPage({ params }: ItemAnalysisPageProps) {
  const { id, quizId } = await params;
  const { cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/quizzes/${quizId}`);
  const quiz = /^[a-z0-9-]{1,60}$/.test(quizId)
    ? await db.quiz.findUnique({ where: { id: quizId }, select: { id: true, title: true } })
    : null;
  if (!quiz) notFound();
  const { learners, items } = await getItemAnalysis(db, cohort.id, quiz.id);
  const problems = items.filter((i) => i.flags.some((f) => f.level === "problem")).length;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="quizzes" />
      <Link
        href={`/trainer/cohorts/${cohort.id}/quizzes`}
        className="mt-6 inline-block text-sm text-brand-600 hover:underline"
      >
        ← 全部测验
      </Link>
      <h2 className="mt-2 text-2xl font-bold">{quiz.title}：题目分析</h2>
      <p className="mt-2 text-sm text-gray-700">
        {learners} 名学员提交过（取各人第一次作答）。答对率 = 答对人数 / 作答人数（未答视为答错）；区分度 =
        该题得分与其余题目总分的相关系数，高于 0.3 为好，接近 0
        说明这道题分不出强弱，为负通常意味着答案标错或题干有歧义。少于 {MIN_RESPONSES_FOR_FLAGS} 人作答时不做判断。
      </p>
      <p className="mt-2 text-sm text-gray-700">
        切出页面 =
        第一次作答中遇到该题的学员里，作答期间切换过应用或标签页（或熄屏）的人数，括号内为这些作答的切出总次数；与学员详情和作答记录导出中的“切出页面次数”同源，按整次作答计，不区分在哪道题上切出。仅供参考，系统不据此自动判定作弊。
      </p>
      {problems > 0 ? (
        <p role="status" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {problems} 道题可能有问题，已标出，请优先核对。
        </p>
      ) : null}
      <div className="mt-4">
        <ItemAnalysisTable items={items} />
      </div>
    </div>
  );
}
