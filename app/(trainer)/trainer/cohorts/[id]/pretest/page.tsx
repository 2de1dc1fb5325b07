import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { getContent } from "@/lib/content";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getKnowledgeGain, type GainRow } from "@/lib/knowledge-gain/gain";
import { getCohortPreTest } from "@/lib/knowledge-gain/pre-test";
import { PRE_TEST_COUNT, toBeijingLocal } from "@/lib/surveys/forms";
import { absoluteUrl, qrSvg } from "@/lib/surveys/site-address";
import { openPreTestAction } from "./actions";

export const metadata: Metadata = { title: "训前测验与知识提升" };

type PreTestPageProps = { params: Promise<{ id: string }> };

const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)}%`);
const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(1)}`);

function GainTable({ caption, rows, label }: { caption: string; rows: GainRow[]; label: (key: string) => string }) {
  return (
    <div tabIndex={0} className="mt-3 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="py-2 pr-3">
              {caption.startsWith("按分行") ? "分行" : "知识点"}
            </th>
            <th scope="col" className="py-2 pr-3">
              学员（两次都参加）
            </th>
            <th scope="col" className="py-2 pr-3">
              训前正确率
            </th>
            <th scope="col" className="py-2 pr-3">
              结业正确率
            </th>
            <th scope="col" className="py-2 pr-3">
              提升（百分点）
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {label(r.key)}
              </th>
              <td className="py-2 pr-3 tabular-nums">{r.learners}</td>
              <td className="py-2 pr-3 tabular-nums">
                {pct(r.pre.percent)}（{r.pre.correct}/{r.pre.total}）
              </td>
              <td className="py-2 pr-3 tabular-nums">
                {pct(r.post.percent)}（{r.post.correct}/{r.post.total}）
              </td>
              <td className="py-2 pr-3 tabular-nums">{signed(r.gain)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function CohortPreTestPage({ params }: PreTestPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/pretest`);
  const [preTest, gain] = await Promise.all([getCohortPreTest(db, cohort.id), getKnowledgeGain(db, cohort.id)]);
  const url = preTest ? await absoluteUrl(`/pretest/${preTest.id}`) : null;
  const qr = url ? await qrSvg(url) : null;
  const modules = new Map(getContent().modules.map((m) => [m.slug, `模块：${m.title}`]));
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="pretest" />
      <p className="mt-6 text-gray-700">
        训前测验从结业测评题库中抽题，课前完成，不计入成绩、不影响结业证书，也不显示答案。培训后与学员
        <strong>第一次</strong>结业测评对比，只统计两次都参加的学员。
      </p>

      {preTest && url && qr && (
        <section className="mt-6 flex flex-wrap gap-4 rounded-lg border border-gray-200 p-4">
          <div className="min-w-0 flex-1 text-sm text-gray-700">
            <p>
              每人 {preTest.questionCount} 题 · {formatDateTime(preTest.opensAt)} 至 {formatDateTime(preTest.closesAt)}
              （北京时间）
            </p>
            <p className="mt-1">
              已提交 {preTest._count.attempts} 人，班级 {cohort._count.members} 人
            </p>
            <p className="mt-2 break-all">
              作答链接：<span className="font-mono">{url}</span>
            </p>
          </div>
          <figure className="w-36 shrink-0">
            {/* Drawn by the qrcode package from our own URL. */}
            <div role="img" aria-label="训前测验二维码" dangerouslySetInnerHTML={{ __html: qr }} />
          </figure>
        </section>
      )}

      {user.role !== "CLIENT_ADMIN" && (
        <section aria-labelledby="open-pretest" className="mt-6 max-w-md rounded-lg border border-gray-200 p-4">
          <h2 id="open-pretest" className="text-lg font-semibold">
            {preTest ? "调整训前测验" : "开放训前测验"}
          </h2>
          <div className="mt-3">
            <ActionForm
              action={openPreTestAction}
              submitLabel={preTest ? "保存" : "开放训前测验"}
              hidden={{ cohortId: cohort.id }}
              fields={[
                {
                  name: "questionCount",
                  label: "每人题目数",
                  type: "number",
                  defaultValue: String(preTest?.questionCount ?? PRE_TEST_COUNT.default),
                  hint: `${PRE_TEST_COUNT.min}–${PRE_TEST_COUNT.max} 道；已开始作答的学员保留原来抽到的题`,
                },
                {
                  name: "opensAt",
                  label: "开始时间（北京时间）",
                  type: "datetime-local",
                  defaultValue: toBeijingLocal(preTest?.opensAt ?? now),
                },
                {
                  name: "closesAt",
                  label: "截止时间（北京时间）",
                  type: "datetime-local",
                  defaultValue: toBeijingLocal(preTest?.closesAt ?? new Date(now.getTime() + 7 * 86_400_000)),
                },
              ]}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="gain" className="mt-10">
        <h2 id="gain" className="text-lg font-semibold">
          知识提升
        </h2>
        <p className="mt-1 text-sm text-gray-700">
          参加训前测验 {gain.preTakers} 人，参加结业测评 {gain.postTakers} 人，两次都参加 <strong>{gain.both}</strong>{" "}
          人。
          {gain.both > 0 &&
            `整体正确率由 ${pct(gain.overall.pre.percent)} 到 ${pct(gain.overall.post.percent)}（${signed(gain.overall.gain)} 个百分点）。`}
        </p>
        {gain.both === 0 ? (
          <p className="mt-3 text-gray-600">还没有学员同时完成训前测验和结业测评。</p>
        ) : (
          <>
            <GainTable caption="按知识点" rows={gain.byTag} label={(k) => modules.get(k) ?? k} />
            <div className="mt-8">
              <GainTable caption="按分行" rows={gain.byBranch} label={(k) => k} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
