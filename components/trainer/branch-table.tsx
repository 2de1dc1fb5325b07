// The cohort's figures per 分行 and 支行/部门; each row links to the matrix filtered to it.
import Link from "@/components/link";
import type { BranchRow } from "@/lib/dashboard/branch-breakdown";

export type BranchTableProps = { rows: BranchRow[]; href: (row: BranchRow) => string };

const share = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n / of) * 100)}%`);

export function BranchTable({ rows, href }: BranchTableProps) {
  return (
    <div tabIndex={0} className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-gray-200 text-gray-500">
          <tr>
            <th className="py-2 pr-4">分行</th>
            <th className="py-2 pr-4">支行/部门</th>
            <th className="py-2 pr-4">学员数</th>
            <th className="py-2 pr-4">已开始</th>
            <th className="py-2 pr-4">已结业</th>
            <th className="py-2 pr-4">超过7天未学习</th>
            <th className="py-2 pr-4">结业测评均分</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.branch}|${r.department}`} className="border-b border-gray-100">
              <td className="py-2 pr-4">
                <Link href={href(r)} className="text-brand-600 hover:underline">
                  {r.branch || "（未填写）"}
                </Link>
              </td>
              <td className="py-2 pr-4">{r.department || "（未填写）"}</td>
              <td className="py-2 pr-4 tabular-nums">{r.learners}</td>
              <td className="py-2 pr-4 tabular-nums">{share(r.started, r.learners)}</td>
              <td className="py-2 pr-4 tabular-nums">{share(r.completed, r.learners)}</td>
              <td className="py-2 pr-4 tabular-nums">{r.inactive}</td>
              <td className="py-2 pr-4 tabular-nums">{r.averageFinal === null ? "—" : r.averageFinal.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
