import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { LogoForm } from "@/components/admin/logo-form";
import { OrganisationLogo } from "@/components/organisation-logo";
import { ActionForm } from "@/components/forms/action-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/format/beijing-time";
import { getOrganisationDetail } from "@/lib/organisations/organisations";
import { assignTrainerAction, clientAdminAction, organisationLogoAction, updateOrganisationAction } from "../actions";

export const metadata: Metadata = { title: "客户机构详情" };

type OrganisationPageProps = { params: Promise<{ id: string }> };

export default async function OrganisationPage({ params }: OrganisationPageProps) {
  const { id } = await params;
  await requireRole(["ADMIN"], `/admin/organisations/${id}`);
  const org = /^[a-z0-9_]{1,40}$/i.test(id) ? await getOrganisationDetail(getDb(), id) : null;
  if (!org) notFound();
  const hidden = { organisationId: org.id };
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <AdminNav current="/admin/organisations" />
      <Link href="/admin/organisations" className="mt-6 inline-block text-sm text-brand-600 hover:underline">
        ← 全部客户机构
      </Link>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-brand-900">
          {org.name} <span className="font-mono text-xl text-gray-500">{org.code}</span>
        </h1>
        <OrganisationLogo organisation={org} className="h-14" />
      </div>
      {org.closedAt ? (
        <p role="status" className="mt-4 rounded-lg bg-gray-100 p-3 text-sm text-gray-700">
          已于 {formatDate(org.closedAt)} 结束合作：学员 {org.closedLearners} 人，班级 {org.closedCohorts} 个，证书{" "}
          {org.closedCertificates} 张（仅保留统计数字）。机构信息不再修改，班级只读。
        </p>
      ) : (
        <p className="mt-4 text-sm">
          <Link href={`/admin/organisations/${org.id}/close`} className="font-medium text-red-700 hover:underline">
            结束合作（导出全部数据，删除学员个人信息）→
          </Link>
        </p>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-2">
        {!org.closedAt && (
          <section>
            <h2 className="text-xl font-semibold">机构标志</h2>
            <p className="mt-1 text-sm text-gray-600">
              {org.logo ? `当前标志更新于 ${formatDate(org.logo.updatedAt)}。` : "还没有上传标志。"}
            </p>
            <div className="mt-4">
              <LogoForm action={organisationLogoAction} organisationId={org.id} hasLogo={Boolean(org.logo)} />
            </div>
          </section>
        )}

        <section>
          <h2 className="text-xl font-semibold">机构信息</h2>
          <div className="mt-4">
            <ActionForm
              action={updateOrganisationAction}
              submitLabel="保存"
              hidden={hidden}
              fields={[
                { name: "name", label: "机构名称", defaultValue: org.name, autoComplete: "off" },
                { name: "code", label: "简称代码", defaultValue: org.code, autoComplete: "off" },
                {
                  name: "retentionDays",
                  label: "学员停止学习后个人信息保留天数",
                  type: "number",
                  defaultValue: String(org.retentionDays),
                },
              ]}
            />
          </div>
        </section>

        <section>
          <h2 className="text-xl font-semibold">班级（{org.cohorts.length}）</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {org.cohorts.map((c) => (
              <li key={c.id}>
                <Link href={`/trainer/cohorts/${c.id}`} className="text-brand-600 underline">
                  {c.name}
                </Link>
                <span className="text-gray-500">
                  {" "}
                  · {c.trainer.name} · {c._count.members} 人
                </span>
              </li>
            ))}
            {org.cohorts.length === 0 && <li className="text-gray-600">还没有班级。</li>}
          </ul>
        </section>

        <section>
          <h2 className="text-xl font-semibold">指派的培训师</h2>
          <ul className="mt-3 space-y-1 text-sm">
            {org.trainers.map(({ trainer }) => (
              <li key={trainer.id}>
                {trainer.name} <span className="text-gray-500">{trainer.email}</span>
              </li>
            ))}
            {org.trainers.length === 0 && <li className="text-gray-600">还没有指派培训师。</li>}
          </ul>
          <div className="mt-4">
            <MemberForm action={assignTrainerAction} hidden={hidden} what="培训师" />
          </div>
        </section>

        <section>
          <h2 className="text-xl font-semibold">客户培训管理员</h2>
          <p className="mt-1 text-sm text-gray-600">只读查看本机构的班级、看板与导出，每次导出都记录在操作记录中。</p>
          <ul className="mt-3 space-y-1 text-sm">
            {org.people.map((p) => (
              <li key={p.id}>
                {p.name} <span className="text-gray-500">{p.email}</span>
              </li>
            ))}
            {org.people.length === 0 && <li className="text-gray-600">还没有客户培训管理员。</li>}
          </ul>
          <div className="mt-4">
            <MemberForm action={clientAdminAction} hidden={hidden} what="客户培训管理员" />
          </div>
        </section>
      </div>
    </div>
  );
}

type MemberFormProps = {
  action: Parameters<typeof ActionForm>[0]["action"];
  hidden: Record<string, string>;
  what: string;
};

function MemberForm({ action, hidden, what }: MemberFormProps) {
  return (
    <ActionForm
      action={action}
      submitLabel="提交"
      hidden={hidden}
      fields={[
        { name: "email", label: `${what}的登录邮箱`, type: "email", autoComplete: "off" },
        {
          name: "op",
          label: "操作",
          options: [
            { value: "add", label: `设为本机构的${what}` },
            { value: "remove", label: `取消${what}` },
          ],
        },
      ]}
    />
  );
}
