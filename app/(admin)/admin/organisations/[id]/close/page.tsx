import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ActionForm } from "@/components/forms/action-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/format/beijing-time";
import { getCloseSummary } from "@/lib/organisations/close";
import { closeOrganisationAction } from "../../actions";
import { DownloadLink } from "@/components/wechat/download-link";

export const metadata: Metadata = { title: "结束合作" };

type ClosePageProps = { params: Promise<{ id: string }> };

export default async function CloseOrganisationPage({ params }: ClosePageProps) {
  const { id } = await params;
  await requireRole(["ADMIN"], `/admin/organisations/${id}/close`);
  const summary = /^[a-z0-9_]{1,40}$/i.test(id) ? await getCloseSummary(getDb(), id) : null;
  if (!summary) notFound();
  const { org, counts, exportedAt, exportFresh } = summary;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <AdminNav current="/admin/organisations" />
      <Link
        href={`/admin/organisations/${org.id}`}
        className="mt-6 inline-block text-sm text-brand-600 hover:underline"
      >
        ← {org.name}
      </Link>
      <h1 className="mt-3 text-3xl font-bold text-brand-900">结束合作：{org.name}</h1>

      {org.closedAt || !counts ? (
        <p role="status" className="mt-6 rounded-lg bg-gray-100 p-4 text-gray-700">
          已于 {formatDate(org.closedAt)} 结束合作：学员 {org.closedLearners} 人，班级 {org.closedCohorts} 个，证书{" "}
          {org.closedCertificates} 张。学员个人信息已删除，只保留统计数字和匿名的学习记录。
        </p>
      ) : (
        <>
          <section className="mt-6 rounded-lg border border-gray-200 p-4 text-sm leading-7 text-gray-700">
            <h2 className="text-lg font-semibold text-gray-900">将会发生什么</h2>
            <ul className="mt-2 list-disc pl-5">
              <li>
                删除 <strong>{counts.erase}</strong>{" "}
                名学员的个人信息：姓名改为“已删除学员-编号”，清空邮箱、手机、工号、分行、
                支行/部门、岗位，证书上的姓名同样替换，账号停用且无法登录。
              </li>
              {counts.kept > 0 && (
                <li>
                  <strong>{counts.kept}</strong> 名学员同时在其他合作机构的班级中，保留其身份信息，不做删除。
                </li>
              )}
              <li>
                保留学习进度、测验记录的匿名数据，以及统计数字：学员 {counts.learners} 人，班级 {counts.cohorts}{" "}
                个，证书 {counts.certificates} 张。
              </li>
              <li>本机构的 {counts.cohorts} 个班级变为只读，邀请码失效，不再接收新学员。</li>
              <li>停用本机构的 {counts.clientAdmins} 名客户培训管理员。</li>
            </ul>
            <p className="mt-2 font-medium text-red-700">此操作不可撤销。</p>
          </section>

          <section className="mt-8">
            <h2 className="text-xl font-semibold">第一步：导出全部数据</h2>
            <p className="mt-1 text-sm text-gray-600">
              一个 .xlsx 文件：学员及其资料、班级成员、课时完成、测验成绩、证书、导出记录。导出会记入操作记录；删除前 24
              小时内须导出过一次。
            </p>
            <p className="mt-2 text-sm">
              {exportedAt
                ? `最近一次导出：${formatDateTime(exportedAt)}${exportFresh ? "（24 小时内，可以进行第二步）" : "（已超过 24 小时，请重新导出）"}`
                : "还没有导出过。"}
            </p>
            <DownloadLink
              href={`/admin/organisations/${org.id}/export`}
              className="mt-3 inline-block rounded-lg border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
            >
              导出全部数据（.xlsx）
            </DownloadLink>
          </section>

          <section className="mt-10 max-w-md">
            <h2 className="text-xl font-semibold">第二步：删除个人信息</h2>
            <div className="mt-4">
              <ActionForm
                action={closeOrganisationAction}
                submitLabel="结束合作并删除个人信息"
                hidden={{ organisationId: org.id }}
                afterSuccess={`/admin/organisations/${org.id}/close`}
                fields={[
                  {
                    name: "confirmation",
                    label: "请输入机构全称以确认",
                    autoComplete: "off",
                    hint: `输入“${org.name}”`,
                  },
                ]}
              />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
