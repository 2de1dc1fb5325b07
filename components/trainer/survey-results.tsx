// A run's results: NPS, then each section's items (average and distribution, option counts,
// verbatims). Verbatims carry a name only when the caller passes one (named runs).
import { sectionAverage, type ItemResult, type SurveyResults } from "@/lib/surveys/results";

export type SurveyResultsViewProps = {
  results: SurveyResults;
  /** Per text item, how many verbatims there are when the list passed is only the first ones. */
  verbatimTotals?: Record<string, number>;
};

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));

function Distribution({ counts, from }: { counts: number[]; from: number }) {
  const values = counts.slice(from);
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <table className="mt-2 w-full text-sm">
      <tbody>
        {values.map((count, i) => (
          <tr key={i}>
            <th scope="row" className="w-28 py-0.5 pr-2 text-left font-normal text-gray-600">
              {from + i} 分
            </th>
            <td className="py-0.5">
              <span
                className="inline-block h-3 rounded bg-brand-600 align-middle"
                style={{ width: `${pct(count, total)}%` }}
              />
            </td>
            <td className="w-20 py-0.5 text-right tabular-nums">{count} 人</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Item({ item, verbatimTotal }: { item: ItemResult; verbatimTotal?: number }) {
  switch (item.type) {
    case "likert":
      return (
        <>
          <p className="text-sm text-gray-700">
            平均 <strong>{item.scale.average?.toFixed(2) ?? "—"}</strong> 分（{item.scale.n} 人作答）
          </p>
          <Distribution counts={item.scale.counts} from={1} />
        </>
      );
    case "nps":
      return (
        <>
          <p className="text-sm text-gray-700">
            平均 <strong>{item.scale.average?.toFixed(2) ?? "—"}</strong> 分（{item.scale.n} 人作答）
          </p>
          <Distribution counts={item.scale.counts} from={0} />
        </>
      );
    case "choice": {
      const total = item.options.reduce((a, o) => a + o.count, 0);
      return (
        <ul className="mt-1 text-sm">
          {item.options.map((o) => (
            <li key={o.label}>
              {o.label}：{o.count} 人（{pct(o.count, total)}%）
            </li>
          ))}
        </ul>
      );
    }
    case "text":
      return item.verbatims.length === 0 ? (
        <p className="text-sm text-gray-500">暂无填写。</p>
      ) : (
        <>
          <ul className="mt-1 space-y-1 text-sm">
            {item.verbatims.map((v, i) => (
              <li key={i} className="rounded bg-gray-50 px-3 py-2">
                {v.text}
                {v.by && <span className="ml-2 text-gray-500">— {v.by}</span>}
              </li>
            ))}
          </ul>
          {verbatimTotal !== undefined && verbatimTotal > item.verbatims.length && (
            <p className="mt-1 text-sm text-gray-500">
              共 {verbatimTotal} 条，此处列出前 {item.verbatims.length} 条；全部见导出的 Excel。
            </p>
          )}
        </>
      );
  }
}

export function SurveyResultsView({ results, verbatimTotals }: SurveyResultsViewProps) {
  return (
    <div className="mt-6 space-y-8">
      {results.nps && results.nps.score !== null && (
        <section aria-label="净推荐值" className="rounded-lg bg-brand-50 p-4">
          <p className="text-sm text-gray-600">净推荐值（NPS）</p>
          <p className="text-3xl font-bold text-brand-900">{results.nps.score.toFixed(1)}</p>
          <p className="mt-1 text-sm text-gray-700">
            推荐者（9–10 分）{results.nps.promoters} 人，中立者（7–8 分）{results.nps.passives} 人，贬损者（0–6 分）
            {results.nps.detractors} 人；NPS = 推荐者占比 − 贬损者占比。
          </p>
        </section>
      )}
      {results.sections.map((section) => {
        const average = sectionAverage(section.items);
        return (
          <section key={section.title} aria-label={section.title}>
            <h2 className="text-lg font-semibold">
              {section.title}
              {average !== null && (
                <span className="ml-2 text-base font-normal text-gray-600">平均 {average.toFixed(2)} 分</span>
              )}
            </h2>
            <ul className="mt-3 space-y-5">
              {section.items.map((item) => (
                <li key={item.id}>
                  <h3 className="font-medium">{item.prompt}</h3>
                  <Item item={item} verbatimTotal={verbatimTotals?.[item.id]} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
