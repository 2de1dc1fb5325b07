import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { MarkForm } from "@/components/attendance/mark-form";
import { RegisterRefresh } from "@/components/attendance/register-refresh";
import { SessionForm } from "@/components/attendance/session-form";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { statusLabel } from "@/lib/attendance/labels";
import { getRegisterPage } from "@/lib/attendance/register";
import { parseRegisterQuery, registerQueryString } from "@/lib/attendance/register-query";
import { formatHours, registerLiveUntil } from "@/lib/attendance/rules";
import { canManageSessions, findVisibleSession } from "@/lib/attendance/sessions";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDate, formatTime } from "@/lib/format/beijing-time";
import { ActionForm } from "@/components/forms/action-form";
import { FilterProblems } from "@/components/forms/filter-problems";
import { Pager } from "@/components/pager";
import { DownloadLink } from "@/components/wechat/download-link";
import { deleteSessionAction, markAttendanceAction, saveSessionAction } from "../actions";

export const metadata: Metadata = { title: "签到名单" };

type RegisterPageProps = {
  params: Promise<{ id: string; sessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_STYLE = {
  PRESENT: "text-green-800",
  LATE: "text-amber-800",
  LEAVE: "text-sky-800",
  ABSENT: "text-red-700",
} as const;

export default async function RegisterPage({ params, searchParams }: RegisterPageProps) {
  const { id, sessionId } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/sessions/${sessionId}`);
  const session = await findVisibleSession(db, user, cohort.id, sessionId);
  if (!session) notFound();
  const { query, problems } = parseRegisterQuery(await searchParams);
  // 50 a page, searched and filtered in the database: a bank's session can have thousands.
  const register = await getRegisterPage(db, cohort.id, session.id, query);
  const { counts, rows } = register;
  const filtered = query.q !== "" || query.branch !== "";
  const manage = canManageSessions(user);
  const base = `/trainer/cohorts/${cohort.id}/sessions/${session.id}`;
  const liveUntil = registerLiveUntil(session, new Date());

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="sessions" />
      {liveUntil && <RegisterRefresh until={liveUntil.toISOString()} />}
      <p className="mt-4 text-sm">
        <Link href={`/trainer/cohorts/${cohort.id}/sessions`} className="text-brand-600 hover:underline">
          ← 全部课次
        </Link>
      </p>
      <h2 className="mt-2 text-xl font-semibold">{session.title}</h2>
      <p className="mt-1 text-sm text-gray-700">
        {formatDate(session.startsAt)} {formatTime(session.startsAt)}–{formatTime(session.endsAt)} · {session.venue} ·
        讲师：{session.trainerName} · {formatHours(session.creditHours)} 学时 · 迟到宽限 {session.graceMinutes} 分钟
        {session.signOutRequired ? " · 需要签退" : ""}
      </p>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        {manage && (
          <Link href={`${base}/screen`} className="font-semibold text-brand-600 hover:underline">
            打开签到屏幕
          </Link>
        )}
        <Link href={`${base}/sheet`} className="text-brand-600 hover:underline">
          打印签到表
        </Link>
        <DownloadLink href={`${base}/export`} className="text-brand-600 hover:underline">
          签到表 Excel
        </DownloadLink>
      </p>

      <section className="mt-6" aria-labelledby="register-title">
        <h3 id="register-title" className="text-lg font-semibold">
          签到名单
        </h3>
        <p className="mt-1 text-sm text-gray-700" aria-live="polite" data-testid="register-counts">
          共 {counts.members} 人：出勤 {counts.present}，迟到 {counts.late}，请假 {counts.leave}，缺勤 {counts.absent}
          ，未签到 {counts.missing}
        </p>
        <form
          action={base}
          method="get"
          role="search"
          aria-label="查找学员"
          className="mt-3 flex flex-wrap items-end gap-3 text-sm"
        >
          <label>
            姓名或工号
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              maxLength={50}
              className="mt-1 block w-56 rounded-md border border-gray-300 px-2 py-2"
            />
          </label>
          {register.branches.length > 0 && (
            <label>
              分行
              <select
                name="branch"
                defaultValue={query.branch}
                className="mt-1 block rounded-md border border-gray-300 px-2 py-2"
              >
                <option value="">全部分行</option>
                {register.branches.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            查找
          </button>
          {filtered && (
            <Link href={base} className="py-2 text-brand-600 hover:underline">
              显示全部
            </Link>
          )}
        </form>
        <FilterProblems problems={problems} />
        {(filtered || register.pages > 1) && (
          <p className="mt-3 text-sm text-gray-600">
            {filtered ? `符合条件 ${register.total} 人` : `共 ${register.total} 人`}
            {register.total > 0 ? `，第 ${register.page} / ${register.pages} 页（每页 50 人）` : ""}
          </p>
        )}
        {rows.length === 0 ? (
          <p className="mt-3 text-gray-600">没有符合条件的学员。</p>
        ) : (
          <div tabIndex={0} className="mt-3 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-gray-200 text-gray-600">
                <tr>
                  <th className="py-2 pr-3">分行</th>
                  <th className="py-2 pr-3">部门</th>
                  <th className="py-2 pr-3">姓名</th>
                  <th className="py-2 pr-3">工号</th>
                  <th className="py-2 pr-3">状态</th>
                  <th className="py-2 pr-3">签到时间</th>
                  {session.signOutRequired && <th className="py-2 pr-3">签退时间</th>}
                  <th className="py-2 pr-3">{manage ? "手工登记" : "备注"}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.userId} className="border-b border-gray-100 align-top">
                    <td className="py-2 pr-3">{r.branch ?? "—"}</td>
                    <td className="py-2 pr-3">{r.department ?? "—"}</td>
                    <td className="py-2 pr-3 font-medium">{r.name}</td>
                    <td className="py-2 pr-3">{r.employeeNo ?? "—"}</td>
                    <td className={`py-2 pr-3 ${r.status ? STATUS_STYLE[r.status] : "text-gray-500"}`}>
                      {statusLabel(r.status)}
                      {r.markedByHand && <span className="ml-1 text-xs text-gray-500">（手工）</span>}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {r.checkedInAt ? formatTime(r.checkedInAt) : r.markedByHand && r.status ? "补登" : "—"}
                    </td>
                    {session.signOutRequired && (
                      <td className="py-2 pr-3 whitespace-nowrap">{formatTime(r.signedOutAt)}</td>
                    )}
                    <td className="py-2 pr-3">
                      {manage ? (
                        <MarkForm
                          action={markAttendanceAction}
                          sessionId={session.id}
                          userId={r.userId}
                          learnerName={r.name}
                          status={r.status}
                          note={r.note}
                        />
                      ) : (
                        (r.note ?? "")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          page={register.page}
          pages={register.pages}
          href={(p) => `${base}${registerQueryString(query, { page: p })}`}
        />
      </section>

      {manage && (
        <details className="mt-10 max-w-md">
          <summary className="cursor-pointer text-lg font-semibold">修改课次</summary>
          <div className="mt-4">
            <SessionForm
              action={saveSessionAction}
              cohortId={cohort.id}
              defaultTrainer={cohort.trainer.name}
              session={session}
            />
          </div>
        </details>
      )}
      {manage && (
        <details className="mt-6 max-w-md">
          <summary className="cursor-pointer text-lg font-semibold">删除课次</summary>
          <p className="mt-2 text-sm text-gray-700">
            只有还没有任何签到或登记记录的课次可以删除（例如误建的课次）。已有记录的课次计入学时，请改为修改课次。
          </p>
          <div className="mt-4">
            <ActionForm
              action={deleteSessionAction}
              submitLabel="删除课次"
              hidden={{ cohortId: cohort.id, sessionId: session.id }}
              afterSuccess={`/trainer/cohorts/${cohort.id}/sessions`}
              fields={[{ name: "confirm", label: "输入“删除”以确认", autoComplete: "off" }]}
            />
          </div>
        </details>
      )}
    </div>
  );
}
