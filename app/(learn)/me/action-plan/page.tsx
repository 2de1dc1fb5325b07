import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionPlanForm } from "@/components/action-plans/action-plan-form";
import { CheckInForm } from "@/components/action-plans/check-in-form";
import { PlanCard } from "@/components/action-plans/plan-card";
import { describeChoice, choiceFromQuery } from "@/lib/action-plans/exercise";
import { metricName, METRIC_LABELS, STATUS_LABELS, TOOL_LABELS } from "@/lib/action-plans/labels";
import { canRevise, getMyActionPlan, type MyActionPlan } from "@/lib/action-plans/plans";
import { checkInDue, nextRound } from "@/lib/action-plans/rules";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/format/beijing-time";
import { fileActionPlanAction, reviseActionPlanAction, submitCheckInAction } from "./actions";

export const metadata: Metadata = { title: "行动计划" };

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The filed plan as the form's fields, to revise it. */
function formValuesOf(plan: MyActionPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of plan.actions) {
    const k = (f: string) => `a${a.position}${f}`;
    out[k("Tool")] = a.tool;
    out[k("Merchant")] = a.merchant ?? "";
    out[k("Description")] = a.description;
    out[k("Metric")] = a.metric;
    out[k("MetricName")] = a.metricName ?? "";
    out[k("Baseline")] = String(a.baseline);
    out[k("Target")] = String(a.target);
    out[k("DueOn")] = formatDate(a.dueOn);
    if (a.exercise) out[k("Exercise")] = JSON.stringify(a.exercise);
  }
  return out;
}

type ActionPlanPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionPlanPage({ searchParams }: ActionPlanPageProps) {
  const user = await requireUser("/me/action-plan");
  const now = new Date();
  const plan = await getMyActionPlan(getDb(), user.id);
  const query = await searchParams;
  const choice = plan ? null : choiceFromQuery(query);
  const revisable = plan !== null && canRevise(plan);
  const editing = revisable && query.edit === "1";
  const due = plan ? checkInDue(plan, now) : null;
  const next = plan && !due ? nextRound(plan, now) : null;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/me" className="text-sm text-brand-600 hover:underline">
        ← 返回我的
      </Link>
      <h1 className="mt-3 text-3xl font-bold text-brand-900">行动计划</h1>
      {!plan ? (
        <>
          <p className="mt-3 text-gray-700">
            建议学完第 8 模块或参加线下课后填写：写下回到岗位后要做的 1 到 3 件事，每件事用到哪个课程工具、
            用什么指标衡量、现在是多少、目标是多少、什么时候完成。提交后第 30、60、90 天会请你汇报进展。
          </p>
          <div className="mt-6">
            <ActionPlanForm
              action={fileActionPlanAction}
              tools={options(TOOL_LABELS)}
              metrics={options(METRIC_LABELS)}
              today={formatDate(now)}
              prefill={choice ? { description: describeChoice(choice), exercise: JSON.stringify(choice) } : undefined}
            />
          </div>
        </>
      ) : editing ? (
        <>
          <p className="mt-3 text-gray-700">
            第一次回访之前可以修改计划；回访时间仍从 {formatDate(plan.filedAt)} 提交之日算起。
          </p>
          <p className="mt-2 text-sm">
            <Link href="/me/action-plan" className="text-brand-600 hover:underline">
              不修改了，返回计划
            </Link>
          </p>
          <div className="mt-6">
            <ActionPlanForm
              action={reviseActionPlanAction}
              tools={options(TOOL_LABELS)}
              metrics={options(METRIC_LABELS)}
              today={formatDate(now)}
              initial={formValuesOf(plan)}
              submitLabel="保存修改"
              afterSuccess="/me/action-plan?revised=1"
            />
          </div>
        </>
      ) : (
        <>
          {query.revised === "1" && (
            <p role="status" className="mt-3 rounded-lg bg-green-50 p-3 text-sm text-green-900">
              行动计划已修改，回访时间不变。
            </p>
          )}
          <p className="mt-2 text-sm text-gray-600">
            提交于 {formatDate(plan.filedAt)}（北京时间）
            {revisable && (
              <Link href="/me/action-plan?edit=1" className="ml-3 text-brand-600 hover:underline">
                修改行动计划
              </Link>
            )}
          </p>
          {due && (
            <section aria-labelledby="check-in" className="mt-6 rounded-lg border-2 border-amber-300 p-4">
              <h2 id="check-in" className="text-xl font-semibold">
                第 {due.round} 天回访
              </h2>
              <p className="mt-1 text-sm text-gray-700">
                请汇报每项行动的进展、目前的结果和遇到的阻碍。晚一些填写也可以。
              </p>
              <div className="mt-4">
                <CheckInForm
                  action={submitCheckInAction}
                  round={due.round}
                  statuses={options(STATUS_LABELS)}
                  actions={plan.actions
                    .filter((a) => due.actionIds.includes(a.id))
                    .map((a) => ({ id: a.id, title: a.description, metric: metricName(a) }))}
                />
              </div>
            </section>
          )}
          {next && (
            <p className="mt-6 rounded-lg bg-gray-50 p-3 text-gray-700">
              下一次回访：第 {next.round} 天（{formatDate(next.arrivesAt)} 起）。
            </p>
          )}
          <section aria-labelledby="my-plan" className="mt-8">
            <h2 id="my-plan" className="text-xl font-semibold">
              我的行动
            </h2>
            <div className="mt-3">
              <PlanCard actions={plan.actions} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
