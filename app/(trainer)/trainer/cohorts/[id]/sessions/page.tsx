import type { Metadata } from "next";
import Link from "@/components/link";
import { SessionForm } from "@/components/attendance/session-form";
import { ActionForm } from "@/components/forms/action-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { canManageSessions, listSessions } from "@/lib/attendance/sessions";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDate, formatTime } from "@/lib/format/beijing-time";
import { formatHours } from "@/lib/attendance/rules";
import { attendanceRuleAction, saveSessionAction } from "./actions";

export const metadata: Metadata = { title: "课次与签到" };

type SessionsPageProps = { params: Promise<{ id: string }> };

export default async function SessionsPage({ params }: SessionsPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/sessions`);
  const [sessions, rule] = await Promise.all([
    listSessions(db, user, cohort.id),
    db.cohort.findUniqueOrThrow({ where: { id: cohort.id }, select: { minAttendancePercent: true } }),
  ]);
  const manage = canManageSessions(user);
  const today = formatDate(new Date());
  const base = `/trainer/cohorts/${cohort.id}/sessions`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="sessions" />

      <section className="mt-6" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">
          课次
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          共 {sessions.length} 个课次，{cohort._count.members} 名学员。
          {rule.minAttendancePercent === null
            ? "结业证书不要求线下出勤。"
            : `结业证书要求线下出勤率达到 ${rule.minAttendancePercent}%（迟到计为出勤）。`}
        </p>
        {sessions.length === 0 ? (
          <p className="mt-3 text-gray-600">还没有课次。{manage ? "在下方添加第一个课次。" : ""}</p>
        ) : (
          <div tabIndex={0} className="mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-gray-200 text-gray-600">
                <tr>
                  <th className="py-2 pr-4">日期</th>
                  <th className="py-2 pr-4">时间</th>
                  <th className="py-2 pr-4">课次</th>
                  <th className="py-2 pr-4">地点</th>
                  <th className="py-2 pr-4">讲师</th>
                  <th className="py-2 pr-4">学时</th>
                  <th className="py-2 pr-4">已签到</th>
                  <th className="py-2">操作</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id} className="border-b border-gray-100">
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {formatDate(s.startsAt)}
                      {formatDate(s.startsAt) === today && (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">今天</span>
                      )}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {formatTime(s.startsAt)}–{formatTime(s.endsAt)}
                    </td>
                    <td className="py-2 pr-4">
                      <Link href={`${base}/${s.id}`} className="text-brand-600 hover:underline">
                        {s.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-4">{s.venue}</td>
                    <td className="py-2 pr-4">{s.trainerName}</td>
                    <td className="py-2 pr-4">{formatHours(s.creditHours)}</td>
                    <td className="py-2 pr-4">
                      {s._count.attendance} / {cohort._count.members}
                    </td>
                    <td className="py-2 whitespace-nowrap">
                      <Link href={`${base}/${s.id}`} className="text-brand-600 hover:underline">
                        签到名单
                      </Link>
                      {manage && (
                        <Link href={`${base}/${s.id}/screen`} className="ml-3 text-brand-600 hover:underline">
                          签到屏幕
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {/* Scheduling and the certificate rule are the trainer's; the bank's admin only reads. */}
      {manage && (
        <section className="mt-10 grid gap-10 md:grid-cols-2">
          <div>
            <h2 className="text-lg font-semibold">添加课次</h2>
            <div className="mt-4 max-w-md">
              <SessionForm action={saveSessionAction} cohortId={cohort.id} defaultTrainer={cohort.trainer.name} />
            </div>
          </div>
          <div>
            <h2 className="text-lg font-semibold">结业证书的出勤要求</h2>
            <p className="mt-1 text-sm text-gray-600">
              按本班全部课次计算出勤率（出勤与迟到计入）；未达要求的学员完成线上课程后也不发证书，并在“我的”页面看到原因。留空表示不要求。
            </p>
            <div className="mt-4 max-w-xs">
              <ActionForm
                action={attendanceRuleAction}
                submitLabel="保存出勤要求"
                hidden={{ cohortId: cohort.id }}
                fields={[
                  {
                    name: "minAttendancePercent",
                    label: "最低出勤率（%）",
                    defaultValue: rule.minAttendancePercent === null ? "" : String(rule.minAttendancePercent),
                  },
                ]}
              />
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
