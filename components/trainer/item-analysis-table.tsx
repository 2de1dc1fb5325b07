// One card per question: the figures, a bar per option (the right ones marked), and any flags.
// Cards rather than a wide table, because option texts are long Chinese sentences.
import type { ItemRow } from "@/lib/dashboard/item-analysis";
import { formatShare } from "@/lib/dashboard/format";

const TYPE_LABELS: Record<ItemRow["type"], string> = {
  single: "单选",
  multiple: "多选",
  truefalse: "判断",
  ordering: "排序",
  numeric: "计算",
};

export function ItemAnalysisTable({ items }: { items: ItemRow[] }) {
  return (
    <ol className="space-y-4">
      {items.map((item) => {
        const max = Math.max(1, ...item.options.map((o) => o.count));
        const problem = item.flags.some((f) => f.level === "problem");
        return (
          <li
            key={item.versionId}
            className={`rounded-lg border p-4 ${problem ? "border-red-300 bg-red-50/40" : "border-gray-200"}`}
            aria-label={`第 ${item.position + 1} 题`}
          >
            <p className="text-xs text-gray-500">
              {TYPE_LABELS[item.type]} · {item.tags.join("、")}
              {item.active ? "" : ` · 旧版本 v${item.version}（已修改）`}
            </p>
            <p className="mt-1 font-medium">{item.prompt}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
              <div>
                <dt className="text-gray-500">作答人数</dt>
                <dd className="font-semibold tabular-nums">
                  {item.responses}
                  {item.answered < item.responses ? (
                    <span className="font-normal text-gray-500">（{item.responses - item.answered} 人未答）</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-gray-500">答对率</dt>
                <dd className="font-semibold tabular-nums">{formatShare(item.facility)}</dd>
              </div>
              <div>
                <dt className="text-gray-500">区分度</dt>
                <dd className="font-semibold tabular-nums">
                  {item.discrimination === null ? "—" : item.discrimination.toFixed(2)}
                </dd>
              </div>
              <div>
                <dt className="text-gray-500">切出页面</dt>
                <dd className="font-semibold tabular-nums">
                  {item.switchers} 人
                  {item.switches > 0 ? (
                    <span className="font-normal text-gray-500">（共 {item.switches} 次）</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-gray-500">正确答案</dt>
                <dd>{item.rightAnswer}</dd>
              </div>
            </dl>
            {item.options.length > 0 ? (
              <div className="mt-3">
                <p className="text-xs text-gray-500">
                  {item.type === "ordering" || item.type === "numeric" ? "最常见的错误答案" : "各选项被选次数"}
                </p>
                <ul className="mt-1 space-y-1 text-sm">
                  {item.options.map((o) => (
                    <li
                      key={o.label}
                      className="grid grid-cols-[1fr_auto] items-center gap-2 sm:grid-cols-[16rem_1fr_auto]"
                    >
                      <span className={o.correct ? "font-medium text-green-800" : ""}>
                        {o.correct ? "✓ " : ""}
                        {o.label}
                      </span>
                      <span className="hidden h-2 rounded bg-gray-100 sm:block" aria-hidden="true">
                        <span
                          className={`block h-2 rounded ${o.correct ? "bg-green-600" : "bg-amber-500"}`}
                          style={{ width: `${(o.count / max) * 100}%` }}
                        />
                      </span>
                      <span className="tabular-nums text-gray-700">{o.count} 次</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {item.flags.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm">
                {item.flags.map((f) => (
                  <li key={f.text} className={f.level === "problem" ? "text-red-800" : "text-amber-800"}>
                    {f.level === "problem" ? "⚠ 可能有问题：" : "提示："}
                    {f.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
