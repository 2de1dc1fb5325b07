import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { formatScore } from "@/lib/dashboard/format";
import { formatDate, formatDateTime } from "@/lib/format/beijing-time";
import { getLearnerDetail } from "@/lib/dashboard/learner-detail";
import { LearnerLinkPanel } from "@/components/trainer/learner-link-panel";
import { isActivated } from "@/lib/auth/account-links";
import { grantExtraAttemptAction, issueLearnerLinkAction } from "./actions";
import { ActionForm } from "@/components/forms/action-form";
import { getFinalAllowance } from "@/lib/quiz/extra-attempts";
import { currentOnlineModules, getCohortHours, NO_HOURS } from "@/lib/attendance/hours";
import { statusLabel } from "@/lib/attendance/labels";
import { getLearnerSessions } from "@/lib/attendance/register";
import { formatHours } from "@/lib/attendance/rules";

export const metadata: Metadata = { title: "学员详情" };

type LearnerPageProps = { params: Promise<{ id: string; learnerId: string }> };

export default async function LearnerPage({ params }: LearnerPageProps) {
  const { id, learnerId } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/learners/${learnerId}`);
  // A learner outside this cohort is "not here", whoever they are.
  const detail =
    learnerId.length <= 40 ? await getLearnerDetail(db, await currentCourseShape(), cohort.id, learnerId) : null;
  if (!detail) notFound();
  const [hoursMap, sessions, finalAllowance] = await Promise.all([
    getCohortHours(db, cohort.id, await currentOnlineModules(), [learnerId]),
    getLearnerSessions(db, cohort.id, learnerId),
    getFinalAllowance(db, learnerId),
  ]);
  const hours = hoursMap.get(learnerId) ?? NO_HOURS;
  const lessonsDone = detail.modules.reduce((n, m) => n + m.lessons.filter((l) => l.completedAt).length, 0);
  const lessonsTotal = detail.modules.reduce((n, m) => n + m.lessons.length, 0);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <CohortNav cohort={cohort} current="learner" />
      <section className="mt-6">
        <Link href={`/trainer/cohorts/${cohort.id}`} className="text-sm text-brand-600 hover:underline">
          ← 返回进度矩阵
        </Link>
        <h2 className="mt-2 text-2xl font-bold">{detail.user.name}</h2>
        <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          {(
            [
              ["工号", detail.user.employeeNo],
              ["邮箱", detail.user.email],
              ["手机", detail.user.mobile],
              ["分行", detail.user.branch],
              ["支行/部门", detail.user.department],
              ["岗位", detail.user.position],
            ] as const
          )
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label}>
                <dt className="inline text-gray-500">{label}：</dt>
                <dd className="inline">{value}</dd>
              </div>
            ))}
          <div>
            <dt className="inline text-gray-500">加入班级：</dt>
            <dd className="inline">{formatDateTime(detail.joinedAt)}</dd>
          </div>
          <div>
            <dt className="inline text-gray-500">最近学习：</dt>
            <dd className="inline">{formatDateTime(detail.lastActive)}</dd>
          </div>
          <div>
            <dt className="inline text-gray-500">课时：</dt>
            <dd className="inline">
              已完成 {lessonsDone} / {lessonsTotal}
            </dd>
          </div>
          <div>
            <dt className="inline text-gray-500">学时：</dt>
            <dd className="inline">
              共 {formatHours(hours.totalHours)}（线下 {formatHours(hours.classroomHours)}，线上{" "}
              {formatHours(hours.onlineHours)}）
            </dd>
          </div>
          <div>
            <dt className="inline text-gray-500">线下出勤：</dt>
            <dd className="inline">
              {hours.attended} / {hours.sessions} 个课次（迟到 {hours.late}，请假 {hours.leave}，缺勤 {hours.absent}）
            </dd>
          </div>
          <div>
            <dt className="inline text-gray-500">结业证书：</dt>
            <dd className="inline">
              {detail.certificate ? (
                <Link href={`/certificates/${detail.certificate.id}`} className="text-brand-600 hover:underline">
                  {formatDateTime(detail.certificate.issuedAt)} 颁发
                  {detail.certificate.revokedAt ? `，${formatDateTime(detail.certificate.revokedAt)} 已撤销` : ""}
                </Link>
              ) : (
                "尚未结业"
              )}
            </dd>
          </div>
        </dl>
      </section>

      {/* Passwords are the trainer's to reset, not the client admin's (read-only). */}
      {user.role !== "CLIENT_ADMIN" && (
        <LearnerLinkPanel
          cohortId={cohort.id}
          learnerId={detail.user.id}
          activated={await isActivated(db, detail.user.id)}
          action={issueLearnerLinkAction}
        />
      )}
      {finalAllowance && (
        <section className="mt-8 max-w-xl" aria-labelledby="final-attempts-title">
          <h3 id="final-attempts-title" className="text-lg font-semibold">
            结业测评作答次数
          </h3>
          <p className="mt-2 text-sm">
            已用 {finalAllowance.used} / {finalAllowance.allowed} 次
            {finalAllowance.granted > 0 ? `（含培训师增加的 ${finalAllowance.granted} 次）` : ""}
          </p>
          {/* Kept on the page after a grant, so its message stays; the server refuses while
              attempts are left. */}
          {user.role !== "CLIENT_ADMIN" && !cohort.organisation.closedAt && (
            <div className="mt-3">
              <ActionForm
                action={grantExtraAttemptAction}
                submitLabel="增加一次作答机会"
                hidden={{ cohortId: cohort.id, learnerId: detail.user.id }}
                fields={[]}
              />
              <p className="mt-1 text-xs text-gray-500">学员用完全部次数后才能增加，每次一次，记入审计日志。</p>
            </div>
          )}
        </section>
      )}

      {sessions.length > 0 && (
        <section className="mt-8" aria-labelledby="sessions-title">
          <h3 id="sessions-title" className="text-lg font-semibold">
            线下课次
          </h3>
          <table className="mt-3 min-w-full text-left text-sm">
            <thead className="border-b border-gray-200 text-gray-600">
              <tr>
                <th className="py-2 pr-4">课次</th>
                <th className="py-2 pr-4">日期</th>
                <th className="py-2 pr-4">出勤情况</th>
                <th className="py-2 pr-4">签到时间</th>
                <th className="py-2 pr-4">学时</th>
                <th className="py-2">备注</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className="border-b border-gray-100">
                  <td className="py-2 pr-4">
                    <Link
                      href={`/trainer/cohorts/${cohort.id}/sessions/${s.id}`}
                      className="text-brand-600 hover:underline"
                    >
                      {s.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{formatDate(s.startsAt)}</td>
                  <td className="py-2 pr-4">{statusLabel(s.attendance?.status ?? null)}</td>
                  <td className="py-2 pr-4">
                    {s.attendance?.checkedInAt ? formatDateTime(s.attendance.checkedInAt) : "—"}
                  </td>
                  <td className="py-2 pr-4">{formatHours(s.creditHours)}</td>
                  <td className="py-2">{s.attendance?.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="mt-8">
        <h3 className="text-lg font-semibold">课时完成情况</h3>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {detail.modules.map((m) => (
            <li key={m.slug} className="rounded-lg border border-gray-200 p-3">
              <p className="font-medium">
                模块{m.number} {m.title}
              </p>
              <ul className="mt-1 text-sm">
                {m.lessons.map((l) => (
                  <li key={l.slug} className={l.completedAt ? "text-green-800" : "text-gray-500"}>
                    {l.completedAt ? `✓ ${l.title} · ${formatDateTime(l.completedAt)}` : `· ${l.title} · 未完成`}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-8">
        <h3 className="text-lg font-semibold">答题记录（{detail.attempts.length} 次）</h3>
        {detail.attempts.length === 0 ? <p className="mt-2 text-gray-600">还没有作答。</p> : null}
        <div className="mt-3 space-y-3">
          {detail.attempts.map((a) => (
            <details key={a.id} className="rounded-lg border border-gray-200 p-3">
              <summary className="cursor-pointer">
                <span className="font-medium">
                  {a.quizTitle} · 第 {a.number} 次
                </span>
                <span className="ml-2 text-sm text-gray-600">
                  {a.submittedAt
                    ? `${formatScore(a.percent)} 分（${a.correct}/${a.total}）· ${a.passed ? "通过" : "未通过"} · 提交于 ${formatDateTime(a.submittedAt)}`
                    : `进行中 · 开始于 ${formatDateTime(a.startedAt)}`}
                  {a.visibilityChanges > 0 ? ` · 切出页面 ${a.visibilityChanges} 次` : ""}
                </span>
              </summary>
              <p className="mt-2 text-xs text-gray-500">
                开始于 {formatDateTime(a.startedAt)}
                {a.deadlineAt ? ` · 限时截止 ${formatDateTime(a.deadlineAt)}` : ""}
                {a.timedOut ? " · 超时自动交卷" : ""} · 切出页面 {a.visibilityChanges} 次
              </p>
              <ol className="mt-2 space-y-2 text-sm">
                {a.questions.map((q) => (
                  <li key={q.index} className="border-t border-gray-100 pt-2">
                    <p>
                      {q.index}. {q.prompt}
                    </p>
                    <p className={q.correct ? "text-green-800" : "text-red-700"}>
                      {q.correct === null ? "未作答" : q.correct ? "✓ 答对" : "✗ 答错"}:{q.response}
                      {q.savedAt ? (
                        <span className="ml-2 text-xs text-gray-500">{formatDateTime(q.savedAt)}</span>
                      ) : null}
                    </p>
                    {q.correct ? null : <p className="text-gray-600">正确答案：{q.rightAnswer}</p>}
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
