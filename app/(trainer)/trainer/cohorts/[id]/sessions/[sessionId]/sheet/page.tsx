import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { statusLabel } from "@/lib/attendance/labels";
import { getRegister } from "@/lib/attendance/register";
import { formatHours } from "@/lib/attendance/rules";
import { findVisibleSession } from "@/lib/attendance/sessions";
import { checkInTimeText, sheetPages } from "@/lib/attendance/sheet";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDate, formatTime } from "@/lib/format/beijing-time";

export const metadata: Metadata = { title: "签到表" };

type SheetPageProps = { params: Promise<{ id: string; sessionId: string }> };

// The printable 签到表: one A4 page per 30 learners, each with the heading the bank files it by.
export default async function SheetPage({ params }: SheetPageProps) {
  const { id, sessionId } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/sessions/${sessionId}/sheet`);
  const session = await findVisibleSession(db, user, cohort.id, sessionId);
  if (!session) notFound();
  const pages = sheetPages(await getRegister(db, cohort.id, session.id));
  const signOut = session.signOutRequired;

  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <Link
          href={`/trainer/cohorts/${cohort.id}/sessions/${session.id}`}
          className="text-sm text-brand-600 hover:underline"
        >
          ← 返回签到名单
        </Link>
        <PrintButton />
      </div>
      {pages.map((p) => (
        <section key={p.number} className="sign-in-sheet-page text-[10pt]" aria-label={`签到表第 ${p.number} 页`}>
          <div className="text-center">
            <h1 className="text-lg font-bold">{cohort.organisation.name} · 培训签到表</h1>
            <p className="mt-1">
              班级：{cohort.name} · 课次：{session.title}
            </p>
            <p>
              日期：{formatDate(session.startsAt)} {formatTime(session.startsAt)}–{formatTime(session.endsAt)} · 地点：
              {session.venue} · 讲师：{session.trainerName} · {formatHours(session.creditHours)} 学时 · 第 {p.number} /{" "}
              {pages.length} 页
            </p>
          </div>
          <table className="mt-2 w-full border-collapse text-left">
            <thead>
              <tr>
                {[
                  "序号",
                  "分行",
                  "部门",
                  "姓名",
                  "工号",
                  "签到时间",
                  ...(signOut ? ["签退时间"] : []),
                  "出勤",
                  "签名",
                ].map((h) => (
                  <th key={h} className="border border-gray-500 px-1.5 py-1 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.userId} className="h-[7.4mm]">
                  <td className="border border-gray-500 px-1.5">{r.n}</td>
                  <td className="border border-gray-500 px-1.5">{r.branch ?? ""}</td>
                  <td className="border border-gray-500 px-1.5">{r.department ?? ""}</td>
                  <td className="border border-gray-500 px-1.5">{r.name}</td>
                  <td className="border border-gray-500 px-1.5">{r.employeeNo ?? ""}</td>
                  <td className="border border-gray-500 px-1.5">{checkInTimeText(r)}</td>
                  {signOut && <td className="border border-gray-500 px-1.5">{formatTime(r.signedOutAt)}</td>}
                  <td className="border border-gray-500 px-1.5">{r.status ? statusLabel(r.status) : ""}</td>
                  <td className="w-[28mm] border border-gray-500 px-1.5" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
