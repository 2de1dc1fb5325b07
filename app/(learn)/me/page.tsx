import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/forms/action-form";
import { ProgressOverview } from "@/components/progress-overview";
import { MyActionPlan } from "@/components/action-plans/my-action-plan";
import { MyClassroomTasks } from "@/components/surveys/my-classroom-tasks";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listMyCohorts } from "@/lib/cohorts/cohorts";
import { getCertificateOf } from "@/lib/certificates/certificates";
import { getAttendanceShortfalls } from "@/lib/attendance/certificate-gate";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { getDb } from "@/lib/db/client";
import { getLearnerProgress } from "@/lib/progress/progress";
import { getTopicMastery } from "@/lib/quiz/review";
import { signOutAction } from "../../(auth)/actions";
import { changePasswordAction, joinCohortAction, reminderOptOutAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "我的" };

export default async function MePage() {
  const user = await requireUser("/me");
  const course = await currentCourseShape();
  // Only read here: the certificate was issued by the event that completed the course.
  const [cohorts, progress, certificate, mastery] = await Promise.all([
    listMyCohorts(getDb(), user.id),
    getLearnerProgress(getDb(), course, user.id),
    getCertificateOf(getDb(), user.id),
    getTopicMastery(getDb(), user.id),
  ]);
  const prefs = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { reminderEmailOptOut: true } });
  // The course is done but a cohort's minimum classroom attendance holds the certificate back: say so.
  const shortfalls = progress.courseDone && !certificate ? await getAttendanceShortfalls(getDb(), user.id) : [];
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold text-brand-900">{user.name}</h1>
          <p className="mt-1 text-sm text-gray-600">
            {user.email} · {ROLE_LABELS[user.role]}
          </p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded-lg border border-gray-300 px-4 py-2 hover:bg-gray-50">
            退出登录
          </button>
        </form>
      </div>

      {certificate &&
        (certificate.revokedAt ? (
          <p className="mt-6 rounded-lg bg-red-50 p-4 text-red-800">
            你的结业证书已撤销，如有疑问请联系培训师。
            <Link href={`/certificates/${certificate.id}`} className="ml-2 font-semibold underline">
              查看结业证书
            </Link>
          </p>
        ) : (
          <p className="mt-6 rounded-lg bg-green-50 p-4 text-green-900">
            恭喜完成全部课程！
            <Link href={`/certificates/${certificate.id}`} className="ml-2 font-semibold underline">
              查看结业证书
            </Link>
          </p>
        ))}
      <MyClassroomTasks userId={user.id} />
      <MyActionPlan userId={user.id} now={new Date()} />
      {shortfalls.length > 0 && (
        <div role="status" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900">
          <p>线上课程已全部完成。结业证书还需要达到班级的线下出勤要求：</p>
          <ul className="mt-2 list-disc pl-5">
            {shortfalls.map((s) => (
              <li key={s.cohortName}>
                {s.cohortName}：要求出勤率 {s.minPercent}%，目前出勤 {s.attended} / {s.sessions} 个课次
                {s.sessions === 0 ? "（线下课次尚未安排）" : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ProgressOverview {...progress} />

      {mastery.length > 0 && (
        <section aria-label="知识点掌握度" className="mt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-xl font-semibold">知识点掌握度</h2>
            <Link href="/me/review" className="text-sm text-brand-600 hover:underline">
              错题回顾 →
            </Link>
          </div>
          <p className="mt-1 text-sm text-gray-600">按题目的知识点统计最近一次作答的正确率，最需要加强的排在前面。</p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {mastery.map((m) => (
              <li
                key={m.tag}
                className="flex items-center justify-between rounded border border-gray-200 px-3 py-2 text-sm"
              >
                <span>{m.tag}</span>
                <span
                  className={m.percent >= 80 ? "text-green-700" : m.percent >= 60 ? "text-amber-700" : "text-red-700"}
                >
                  {m.percent}%({m.correct}/{m.answered})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="mt-10">
        <h2 className="text-xl font-semibold">我的班级</h2>
        {cohorts.length === 0 ? (
          <p className="mt-2 text-gray-600">还没有加入班级。有培训师给的邀请码，可以在下面加入。</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {cohorts.map((m) => (
              <li key={m.cohort.id} className="rounded-lg border border-gray-200 p-3">
                <span className="font-medium">{m.cohort.name}</span>
                <span className="ml-2 text-sm text-gray-500">培训师：{m.cohort.trainer.name}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4 max-w-sm">
          <ActionForm
            action={joinCohortAction}
            submitLabel="加入班级"
            fields={[{ name: "inviteCode", label: "邀请码", autoComplete: "off" }]}
          />
        </div>
      </section>

      <section className="mt-10" aria-labelledby="reminder-mail-title">
        <h2 id="reminder-mail-title" className="text-xl font-semibold">
          学习提醒邮件
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          {prefs.reminderEmailOptOut
            ? "您已退订学习提醒邮件。"
            : "培训师开启邮件提醒后，您会在学习进度落后时收到邮件。"}
        </p>
        <div className="mt-4 max-w-xs">
          <ActionForm
            action={reminderOptOutAction}
            submitLabel={prefs.reminderEmailOptOut ? "恢复接收" : "退订提醒邮件"}
            hidden={{ optOut: prefs.reminderEmailOptOut ? "off" : "on" }}
            fields={[]}
          />
        </div>
      </section>

      <section className="mt-10 grid gap-10 md:grid-cols-2">
        <div>
          <h2 className="text-xl font-semibold">个人资料</h2>
          <div className="mt-4">
            <ActionForm
              action={updateProfileAction}
              submitLabel="保存"
              fields={[{ name: "name", label: "姓名", autoComplete: "name", defaultValue: user.name }]}
            />
          </div>
        </div>
        <div>
          <h2 className="text-xl font-semibold">修改密码</h2>
          <div className="mt-4">
            <ActionForm
              action={changePasswordAction}
              submitLabel="修改密码"
              afterSuccess="/login?next=/me"
              fields={[
                { name: "currentPassword", label: "当前密码", type: "password", autoComplete: "current-password" },
                {
                  name: "newPassword",
                  label: "新密码",
                  type: "password",
                  autoComplete: "new-password",
                  hint: "至少 8 个字符",
                },
                { name: "confirmPassword", label: "再次输入新密码", type: "password", autoComplete: "new-password" },
              ]}
            />
          </div>
        </div>
      </section>
    </div>
  );
}
