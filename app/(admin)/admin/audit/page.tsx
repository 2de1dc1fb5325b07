import type { Metadata } from "next";
import Link from "@/components/link";
import { AdminNav } from "@/components/admin/admin-nav";
import {
  AUDIT_ACTIONS,
  AUDIT_LABELS,
  auditExportHref,
  auditQueryString,
  listAuditEvents,
  parseAuditFilters,
} from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getDb } from "@/lib/db/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { Pager } from "@/components/pager";
import { FilterProblems } from "@/components/forms/filter-problems";
import { ExportLinks } from "@/components/forms/export-links";

export const metadata: Metadata = { title: "个人信息操作记录" };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the acted-on record can be opened; users and purges have no page of their own. */
function targetHref(action: AuditAction, target: string | null): string | null {
  if (!target) return null;
  if (action.startsWith("ENQUIRY_")) return `/trainer/enquiries/${encodeURIComponent(target)}`;
  if (action === "COHORT_EXPORT") return `/trainer/cohorts/${encodeURIComponent(target)}`;
  return null;
}

// Admins only: the trail says who looked at which prospect, so it is itself sensitive.
export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requireRole(["ADMIN"], "/admin/audit");
  const { filters, problems } = parseAuditFilters(await searchParams);
  const list = await listAuditEvents(getDb(), filters);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <AdminNav current="/admin/audit" />
      <h1 className="mt-6 text-2xl font-bold text-brand-900 sm:text-3xl">个人信息操作记录</h1>
      <p className="mt-2 max-w-3xl text-sm text-gray-600">
        谁在何时查看了咨询的完整联系方式、导出了咨询或学员数据、删除了个人信息、修改了账号权限。记录只含编号、条数和筛选条件，不含个人信息本身，且不可修改，供合规审查使用。
      </p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="筛选操作记录">
        <label className="text-sm">
          操作类型
          <select
            name="action"
            defaultValue={filters.action}
            className="mt-1 block rounded-md border border-gray-300 px-3 py-2"
          >
            <option value="ALL">全部</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-[12rem] text-sm">
          操作人
          <input
            type="search"
            name="actor"
            defaultValue={filters.actor}
            maxLength={50}
            placeholder="姓名"
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          筛选
        </button>
        <ExportLinks href={(format) => auditExportHref(filters, format)} />
      </form>
      <FilterProblems problems={problems} />

      <p className="mt-4 text-sm text-gray-600">共 {list.total} 条，最新的在前。</p>
      {list.rows.length === 0 ? (
        <p className="mt-4 text-gray-600">没有符合条件的记录。</p>
      ) : (
        <div tabIndex={0} className="mt-3 overflow-x-auto rounded-lg border border-gray-200">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-gray-50 text-xs text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  时间
                </th>
                <th scope="col" className="px-3 py-2">
                  操作人
                </th>
                <th scope="col" className="px-3 py-2">
                  操作
                </th>
                <th scope="col" className="px-3 py-2">
                  对象
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  条数
                </th>
                <th scope="col" className="px-3 py-2">
                  说明
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => {
                const href = targetHref(r.action, r.target);
                return (
                  <tr key={r.id} className="border-t border-gray-100">
                    <td className="whitespace-nowrap px-3 py-2 text-gray-600">{formatDateTime(r.createdAt)}</td>
                    <td className="px-3 py-2">{r.actorName}</td>
                    <td className="px-3 py-2">{AUDIT_LABELS[r.action]}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {href ? (
                        <Link href={href} className="text-brand-600 hover:underline">
                          {r.target}
                        </Link>
                      ) : (
                        (r.target ?? "—")
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.rows}</td>
                    <td className="px-3 py-2 text-gray-700">{r.detail ?? "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        href={(p) => `/admin/audit${auditQueryString(filters, { page: p })}`}
      />
    </div>
  );
}
