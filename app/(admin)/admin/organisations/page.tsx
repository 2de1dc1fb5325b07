import type { Metadata } from "next";
import Link from "@/components/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { ActionForm } from "@/components/forms/action-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listOrganisations } from "@/lib/organisations/organisations";
import { createOrganisationAction } from "./actions";

export const metadata: Metadata = { title: "客户机构" };

export default async function OrganisationsPage() {
  await requireRole(["ADMIN"], "/admin/organisations");
  const organisations = await listOrganisations(getDb());
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <AdminNav current="/admin/organisations" />
      <h1 className="mt-6 text-3xl font-bold text-brand-900">客户机构</h1>
      <p className="mt-2 text-gray-600">
        每个班级属于一家客户机构。培训师只能看到被指派机构的班级；客户培训管理员只能看到本机构的班级。
      </p>
      <div tabIndex={0} className="mt-6 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-gray-200 text-gray-500">
            <tr>
              <th className="py-2 pr-4">机构名称</th>
              <th className="py-2 pr-4">简称代码</th>
              <th className="py-2 pr-4">班级数</th>
              <th className="py-2 pr-4">培训师数</th>
              <th className="py-2 pr-4">个人信息保留天数</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id} className="border-b border-gray-100">
                <td className="py-2 pr-4">
                  <Link href={`/admin/organisations/${o.id}`} className="font-medium text-brand-600 hover:underline">
                    {o.name}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono">{o.code}</td>
                <td className="py-2 pr-4 tabular-nums">{o._count.cohorts}</td>
                <td className="py-2 pr-4 tabular-nums">{o._count.trainers}</td>
                <td className="py-2 pr-4 tabular-nums">{o.retentionDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {organisations.length === 0 && <p className="mt-3 text-gray-600">还没有客户机构。</p>}
      </div>
      <section className="mt-10 max-w-md">
        <h2 className="text-xl font-semibold">新建客户机构</h2>
        <div className="mt-4">
          <ActionForm
            action={createOrganisationAction}
            submitLabel="创建机构"
            fields={[
              { name: "name", label: "机构名称", autoComplete: "off" },
              {
                name: "code",
                label: "简称代码",
                autoComplete: "off",
                hint: "2-10 位大写字母或数字，例如 PAB；学员用工号登录时填写在工号前，如 PAB-10086",
              },
              {
                name: "retentionDays",
                label: "学员停止学习后个人信息保留天数",
                type: "number",
                defaultValue: "365",
              },
            ]}
          />
        </div>
      </section>
    </div>
  );
}
