import type { Metadata } from "next";
import { ActivationNotices } from "@/components/trainer/activation-notices";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { listNotActivated, type LinkStatus } from "@/lib/auth/account-links";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDateTime } from "@/lib/format/beijing-time";
import { issueActivationLinksAction } from "./actions";

export const metadata: Metadata = { title: "账号开通" };

type ActivationPageProps = { params: Promise<{ id: string }> };

const STATUS_LABELS: Record<LinkStatus, string> = { NONE: "未发放", VALID: "已发放", EXPIRED: "已过期" };

// Imported learners who have not set a password yet. The trainer (or an admin) prints their
// 开通通知; the bank's client admin sees who is still missing, and issues nothing.
export default async function ActivationPage({ params }: ActivationPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/activation`);
  const learners = await listNotActivated(db, cohort.id);
  const pending = learners.filter((l) => l.status !== "VALID").length;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <CohortNav cohort={cohort} current="activation" />
      <section className="no-print mt-6">
        <h2 className="text-lg font-semibold">尚未开通的学员（{learners.length} 人）</h2>
        <p className="mt-1 text-sm text-gray-600">
          从名单导入的学员没有初始密码：每人凭自己的开通链接（7
          天内有效，只能用一次）设置密码后，用工号、手机号或邮箱登录。
        </p>
      </section>
      {user.role !== "CLIENT_ADMIN" && learners.length > 0 && (
        <ActivationNotices
          cohortId={cohort.id}
          pending={pending}
          total={learners.length}
          action={issueActivationLinksAction}
        />
      )}
      {learners.length === 0 ? (
        <p className="no-print mt-4 text-gray-600">本班学员都已开通账号。</p>
      ) : (
        <div tabIndex={0} className="no-print mt-6 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-gray-300 text-gray-600">
              <tr>
                <th className="py-2 pr-4">姓名</th>
                <th className="py-2 pr-4">工号</th>
                <th className="py-2 pr-4">分行</th>
                <th className="py-2 pr-4">支行/部门</th>
                <th className="py-2 pr-4">开通链接</th>
                <th className="py-2">有效期至</th>
              </tr>
            </thead>
            <tbody>
              {learners.map((l) => (
                <tr key={l.id} className="border-b border-gray-100">
                  <td className="py-2 pr-4">{l.name}</td>
                  <td className="py-2 pr-4 font-mono">{l.employeeNo ?? "—"}</td>
                  <td className="py-2 pr-4">{l.branch ?? "—"}</td>
                  <td className="py-2 pr-4">{l.department ?? "—"}</td>
                  <td className="py-2 pr-4">{STATUS_LABELS[l.status]}</td>
                  <td className="py-2">{l.expiresAt ? formatDateTime(l.expiresAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
