// One plan's actions with their reports, on the learner's page and among the trainer's examples.
import { formatDate } from "@/lib/format/beijing-time";
import type { ActionMetric, ActionStatus, ActionTool } from "@/lib/generated/prisma/enums";
import { metricName, STATUS_LABELS, TOOL_LABELS } from "@/lib/action-plans/labels";

export type PlanCardProps = {
  actions: {
    id: string;
    tool: ActionTool;
    merchant: string | null;
    description: string;
    metric: ActionMetric;
    metricName: string | null;
    baseline: number;
    target: number;
    dueOn: Date;
    checkIns: { round: number; status: ActionStatus; result: number | null; obstacles: string }[];
  }[];
};

export function PlanCard({ actions }: PlanCardProps) {
  return (
    <ol className="space-y-3">
      {actions.map((a, i) => (
        <li key={a.id} className="rounded-lg border border-gray-200 p-3 text-sm">
          <p className="font-medium text-gray-900">
            {i + 1}. {a.description}
          </p>
          <p className="mt-1 text-gray-600">
            {TOOL_LABELS[a.tool]}
            {a.merchant ? `：${a.merchant}` : ""} · {metricName(a)} 从 {a.baseline} 到 {a.target} · 完成日期{" "}
            {formatDate(a.dueOn)}
          </p>
          {a.checkIns.length > 0 && (
            <ul className="mt-2 space-y-1 text-gray-700">
              {a.checkIns.map((c) => (
                <li key={c.round}>
                  第 {c.round} 天：{STATUS_LABELS[c.status]}
                  {c.result !== null ? `，结果 ${c.result}` : ""}
                  {c.obstacles ? `；阻碍：${c.obstacles}` : ""}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
