import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/forms/action-form";
import { OrganisationLogo } from "@/components/organisation-logo";
import { requireRole } from "@/lib/auth/session";
import { listCohorts } from "@/lib/cohorts/cohorts";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { formatShare } from "@/lib/dashboard/format";
import { getCohortOverviews } from "@/lib/dashboard/overview";
import { getDb } from "@/lib/db/client";
import { listOrganisationsFor } from "@/lib/organisations/organisations";
import { createCohortAction } from "./actions";
import { formatDate } from "@/lib/format/beijing-time";

export const metadata: Metadata = { title: "培训师后台" };

export default async function TrainerHomePage() {
  const user = await requireRole(["TRAINER", "CLIENT_ADMIN"], "/trainer");
  // A client training admin reads their bank's figures; creating and inviting is the trainers'.
  const readOnly = user.role === "CLIENT_ADMIN";
  const db = getDb();
  const [cohorts, organisations] = await Promise.all([listCohorts(db, user), listOrganisationsFor(db, user)]);
  const openOrganisations = organisations.filter((o) => !o.closedAt);
  // One grouped query for every cohort on the page, however many learners they hold.
  const overviews = await getCohortOverviews(
    db,
    await currentCourseShape(),
    cohorts.map((c) => c.id),
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-brand-900">{readOnly ? "培训数据" : "培训师后台"}</h1>
        {/* The bank's own training admin sees their bank's logo on their start page. */}
        {readOnly && organisations[0] && <OrganisationLogo organisation={organisations[0]} className="h-14" />}
      </div>
      <p className="mt-2 text-gray-600">
        {user.role === "ADMIN"
          ? "管理员可查看全部班级。"
          : readOnly
            ? `这里显示${organisations[0]?.name ?? "贵机构"}的全部班级（只读）。`
            : "这里只显示您在所负责客户机构创建的班级。"}
      </p>

      <p className="mt-4 flex flex-wrap gap-4 text-sm">
        <Link href="/trainer/topics" className="font-medium text-brand-600 hover:underline">
          知识点掌握对比 →
        </Link>
        {/* The 结项报告 across each bank's cohorts (the viewer's own, for a trainer). */}
        {organisations.map((o) => (
          <Link
            key={o.id}
            href={`/trainer/organisations/${o.id}/report`}
            className="font-medium text-brand-600 hover:underline"
          >
            {o.name}结项报告 →
          </Link>
        ))}
        {!readOnly && (
          <Link href="/trainer/enquiries" className="font-medium text-brand-600 hover:underline">
            咨询收件箱 →
          </Link>
        )}
        {!readOnly && (
          <Link href="/trainer/kit" className="font-medium text-brand-600 hover:underline">
            培训师工具包 →
          </Link>
        )}
      </p>

      <section className="mt-8">
        <h2 className="text-xl font-semibold">班级</h2>
        {cohorts.length === 0 ? (
          <p className="mt-2 text-gray-600">{readOnly ? "还没有班级。" : "还没有班级，先在下面创建一个。"}</p>
        ) : (
          <div tabIndex={0} className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[52rem] text-left text-sm">
              <thead className="border-b border-gray-200 text-gray-500">
                <tr>
                  <th className="py-2 pr-4">班级</th>
                  <th className="py-2 pr-4">客户机构</th>
                  <th className="py-2 pr-4">培训师</th>
                  <th className="py-2 pr-4">学员数</th>
                  <th className="py-2 pr-4">已开始</th>
                  <th className="py-2 pr-4">已结业</th>
                  <th className="py-2 pr-4">结业测评均分</th>
                  <th className="py-2 pr-4">7天未学习</th>
                  <th className="py-2 pr-4">起止日期</th>
                  {!readOnly && <th className="py-2 pr-4">邀请码</th>}
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => {
                  const o = overviews.get(c.id)!;
                  return (
                    <tr key={c.id} className="border-b border-gray-100">
                      <td className="py-2 pr-4">
                        <Link href={`/trainer/cohorts/${c.id}`} className="font-medium text-brand-600 hover:underline">
                          {c.name}
                        </Link>
                      </td>
                      <td className="py-2 pr-4">{c.organisation.name}</td>
                      <td className="py-2 pr-4">{c.trainer.name}</td>
                      <td className="py-2 pr-4 tabular-nums">{c._count.members}</td>
                      <td className="py-2 pr-4 tabular-nums">{formatShare(o.startedShare)}</td>
                      <td className="py-2 pr-4 tabular-nums">{formatShare(o.completedShare)}</td>
                      <td className="py-2 pr-4 tabular-nums">
                        {o.averageFinal === null ? "—" : o.averageFinal.toFixed(1)}
                      </td>
                      <td className="py-2 pr-4 tabular-nums">{o.inactive}</td>
                      <td className="py-2 pr-4">
                        {formatDate(c.startsOn)} ~ {formatDate(c.endsOn)}
                      </td>
                      {!readOnly && (
                        <td className="py-2 pr-4 font-mono">{c.organisation.closedAt ? "已结束合作" : c.inviteCode}</td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {!readOnly && (
        <section className="mt-10 max-w-md">
          <h2 className="text-xl font-semibold">创建班级</h2>
          {openOrganisations.length === 0 ? (
            <p className="mt-2 text-gray-600">您还没有被指派到任何客户机构，请联系管理员指派后再创建班级。</p>
          ) : (
            <div className="mt-4">
              <ActionForm
                action={createCohortAction}
                submitLabel="创建班级"
                fields={[
                  { name: "name", label: "班级名称", autoComplete: "off" },
                  {
                    name: "organisationId",
                    label: "客户机构",
                    options: openOrganisations.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` })),
                  },
                  { name: "startsOn", label: "开始日期（选填）", type: "date" },
                  { name: "endsOn", label: "结束日期（选填）", type: "date" },
                ]}
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
