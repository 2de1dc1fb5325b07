import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/forms/action-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getSurvey, getSurveys } from "@/lib/surveys/catalog";
import { toBeijingLocal } from "@/lib/surveys/forms";
import { MIN_ANONYMOUS_RESPONSES } from "@/lib/surveys/results";
import { listCohortRuns, runState } from "@/lib/surveys/runs";
import { absoluteUrl, qrSvg } from "@/lib/surveys/site-address";
import { openSurveyAction } from "./actions";

export const metadata: Metadata = { title: "问卷" };

const STATE_LABELS = { scheduled: "未开始", open: "进行中", closed: "已截止" } as const;

type SurveysPageProps = { params: Promise<{ id: string }> };

export default async function CohortSurveysPage({ params }: SurveysPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/surveys`);
  const now = new Date();
  const runs = await Promise.all(
    (await listCohortRuns(db, cohort.id)).map(async (run) => {
      const url = await absoluteUrl(`/surveys/${run.id}`);
      return { ...run, url, qr: await qrSvg(url), state: runState(run, now) };
    }),
  );
  const members = cohort._count.members;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="surveys" />
      <p className="mt-6 text-gray-700">
        训前需求调研建议实名，便于备课；训后满意度建议匿名：匿名问卷不记录作答人，满 {MIN_ANONYMOUS_RESPONSES}{" "}
        份后才显示结果，避免从少量回答推断出是谁写的。
      </p>

      {user.role !== "CLIENT_ADMIN" && (
        <section aria-labelledby="open-survey" className="mt-6 max-w-md rounded-lg border border-gray-200 p-4">
          <h2 id="open-survey" className="text-lg font-semibold">
            发放问卷
          </h2>
          <div className="mt-3">
            <ActionForm
              action={openSurveyAction}
              submitLabel="发放问卷"
              hidden={{ cohortId: cohort.id }}
              fields={[
                {
                  name: "surveyId",
                  label: "问卷",
                  options: getSurveys().map((s) => ({ value: s.id, label: s.title })),
                },
                {
                  name: "mode",
                  label: "作答方式",
                  options: [
                    { value: "anonymous", label: "匿名（训后满意度）" },
                    { value: "named", label: "实名（训前调研）" },
                  ],
                },
                {
                  name: "opensAt",
                  label: "开始时间（北京时间）",
                  type: "datetime-local",
                  defaultValue: toBeijingLocal(now),
                },
                {
                  name: "closesAt",
                  label: "截止时间（北京时间）",
                  type: "datetime-local",
                  defaultValue: toBeijingLocal(new Date(now.getTime() + 3 * 86_400_000)),
                },
              ]}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="runs" className="mt-8">
        <h2 id="runs" className="text-lg font-semibold">
          已发放的问卷
        </h2>
        {runs.length === 0 ? (
          <p className="mt-2 text-gray-600">这个班级还没有发放问卷。</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {runs.map((run) => (
              <li key={run.id} className="flex flex-wrap gap-4 rounded-lg border border-gray-200 p-4">
                <div className="min-w-0 flex-1">
                  <h3 className="font-medium">
                    <Link
                      href={`/trainer/cohorts/${cohort.id}/surveys/${run.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {getSurvey(run.surveyId)?.title ?? run.surveyId}
                    </Link>
                    <span className="ml-2 text-sm text-gray-500">
                      {run.anonymous ? "匿名" : "实名"} · {STATE_LABELS[run.state]}
                    </span>
                  </h3>
                  <p className="mt-1 text-sm text-gray-600">
                    {formatDateTime(run.opensAt)} 至 {formatDateTime(run.closesAt)}（北京时间）
                  </p>
                  <p className="mt-1 text-sm text-gray-600">
                    已回收 {run._count.responses} 份，班级 {members} 人
                  </p>
                  <p className="mt-2 break-all text-sm">
                    作答链接：<span className="font-mono">{run.url}</span>
                  </p>
                </div>
                <figure className="w-36 shrink-0">
                  {/* Drawn by the qrcode package from our own URL: no user input reaches the markup. */}
                  <div role="img" aria-label="作答二维码" dangerouslySetInnerHTML={{ __html: run.qr }} />
                  <figcaption className="mt-1 text-center text-xs text-gray-500">学员扫码作答</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
