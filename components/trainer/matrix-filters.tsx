// The matrix's filter bar: a plain GET form, so filters live in the URL (shareable, back button
// works, no JavaScript needed).
import { SORT_LABELS, SORTS, STATUS_FILTERS, STATUS_LABELS, type MatrixQuery } from "@/lib/dashboard/params";

export type MatrixFiltersProps = {
  action: string;
  query: MatrixQuery;
  /** The cohort's 分行 and 部门 values; the selects appear only when the roster gave any. */
  branches: string[];
  departments: string[];
};

export function MatrixFilters({ action, query, branches, departments }: MatrixFiltersProps) {
  const field = "mt-1 block w-full rounded-md border border-gray-300 px-2 py-2 text-sm";
  return (
    <form
      action={action}
      method="get"
      className="grid grid-cols-2 gap-3 sm:grid-cols-5 sm:items-end"
      role="search"
      aria-label="筛选学员"
    >
      <label className="col-span-2 text-sm sm:col-span-2">
        姓名、邮箱、工号或手机
        <input
          type="search"
          name="q"
          defaultValue={query.q}
          maxLength={50}
          className={field}
          placeholder="输入姓名、邮箱、工号或手机搜索"
        />
      </label>
      {branches.length > 0 && (
        <label className="text-sm">
          分行
          <select name="branch" defaultValue={query.branch} className={field}>
            <option value="">全部分行</option>
            {branches.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      )}
      {departments.length > 0 && (
        <label className="text-sm">
          支行/部门
          <select name="dept" defaultValue={query.dept} className={field}>
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        状态
        <select name="status" defaultValue={query.status} className={field}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        排序
        <select name="sort" defaultValue={query.sort} className={field}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <label className="flex-1 text-sm">
          顺序
          <select name="dir" defaultValue={query.dir} className={field}>
            <option value="asc">升序</option>
            <option value="desc">降序</option>
          </select>
        </label>
        <button
          type="submit"
          className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          筛选
        </button>
      </div>
    </form>
  );
}
