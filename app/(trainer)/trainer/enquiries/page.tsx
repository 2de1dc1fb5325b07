import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listEnquiries, STATUS_LABELS, STATUSES } from "@/lib/enquiries/enquiries";
import { inboxExportHref, inboxQueryString, parseInboxFilters } from "@/lib/enquiries/inbox-params";
import { maskEmail, maskPhone } from "@/lib/enquiries/mask";
import { INTERESTS, type Interest } from "@/lib/enquiries/schema";
import { getDb } from "@/lib/db/client";
import { Pager } from "@/components/pager";
import { FilterProblems } from "@/components/forms/filter-problems";
import { ExportLinks } from "@/components/forms/export-links";

export const metadata: Metadata = { title: "咨询收件箱" };

type InboxPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_STYLE = {
  NEW: "bg-amber-100 text-amber-900",
  CONTACTED: "bg-blue-100 text-blue-900",
  CONVERTED: "bg-green-100 text-green-900",
  CLOSED: "bg-gray-100 text-gray-700",
} as const;

export default async function EnquiryInboxPage({ searchParams }: InboxPageProps) {
  await requireRole(["TRAINER"], "/trainer/enquiries");
  const raw = await searchParams;
  const { filters, problems } = parseInboxFilters(raw);
  const inbox = await listEnquiries(getDb(), filters);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 培训师后台
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">咨询收件箱</h1>
      <p className="mt-2 text-sm text-gray-600">
        潜在客户通过“咨询内训”表单留下的信息，最新的在前。列表中手机和邮箱已打码，打开详情可见完整信息。
      </p>
      {raw.erased ? (
        <p role="status" className="mt-3 rounded-md bg-green-50 p-3 text-sm text-green-900">
          已删除该咨询的个人信息（仅保留匿名计数）。
        </p>
      ) : null}

      <nav aria-label="按状态筛选" className="mt-6 flex flex-wrap gap-2 text-sm">
        {(["ALL", ...STATUSES] as const).map((s) => (
          <Link
            key={s}
            href={`/trainer/enquiries${inboxQueryString({ ...filters, status: s, page: 1 })}`}
            aria-current={filters.status === s ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${filters.status === s ? "border-brand-600 bg-brand-50 text-brand-700" : "border-gray-300 text-gray-700"}`}
          >
            {s === "ALL" ? "全部" : STATUS_LABELS[s]}
            {s === "ALL" ? "" : `(${inbox.byStatus[s]})`}
          </Link>
        ))}
      </nav>

      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="搜索咨询">
        {filters.status !== "ALL" ? <input type="hidden" name="status" value={filters.status} /> : null}
        <label className="min-w-[14rem] flex-1 text-sm">
          搜索
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={50}
            placeholder="姓名、单位、城市、手机、邮箱或留言"
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          搜索
        </button>
        <ExportLinks href={(format) => inboxExportHref(filters, format)} />
      </form>
      <FilterProblems problems={problems} />

      <p className="mt-4 text-sm text-gray-600">
        共 {inbox.total} 条{inbox.erased ? `；另有 ${inbox.erased} 条已删除个人信息，仅计数` : ""}。
      </p>
      {inbox.rows.length === 0 ? (
        <p className="mt-4 text-gray-600">没有符合条件的咨询。</p>
      ) : (
        <div tabIndex={0} className="relative mt-3 overflow-x-auto rounded-lg border border-gray-200">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="bg-gray-50 text-xs text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  提交时间
                </th>
                <th scope="col" className="px-3 py-2">
                  姓名
                </th>
                <th scope="col" className="px-3 py-2">
                  单位
                </th>
                <th scope="col" className="px-3 py-2">
                  意向
                </th>
                <th scope="col" className="px-3 py-2">
                  人数
                </th>
                <th scope="col" className="px-3 py-2">
                  手机
                </th>
                <th scope="col" className="px-3 py-2">
                  邮箱
                </th>
                <th scope="col" className="px-3 py-2">
                  状态
                </th>
              </tr>
            </thead>
            <tbody>
              {inbox.rows.map((e) => (
                <tr key={e.id} className="border-t border-gray-100">
                  <td className="whitespace-nowrap px-3 py-2 text-gray-600">{formatDateTime(e.createdAt)}</td>
                  <td className="px-3 py-2 font-medium">
                    <Link href={`/trainer/enquiries/${e.id}`} className="text-brand-600 hover:underline">
                      {e.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {e.organisation}
                    {e.city ? <span className="text-gray-500"> · {e.city}</span> : null}
                  </td>
                  <td className="px-3 py-2">{e.interest ? (INTERESTS[e.interest as Interest] ?? e.interest) : "—"}</td>
                  <td className="px-3 py-2 tabular-nums">{e.trainees ?? "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{maskPhone(e.phone)}</td>
                  <td className="px-3 py-2 font-mono">{maskEmail(e.email)}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[e.status]}`}>
                      {STATUS_LABELS[e.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={inbox.page}
        pages={inbox.pages}
        href={(p) => `/trainer/enquiries${inboxQueryString(filters, { page: p })}`}
      />
    </div>
  );
}
