// The 行动计划 card on /me: an invitation to file, a check-in that is due, or when the next one is.
import Link from "@/components/link";
import { getMyActionPlan } from "@/lib/action-plans/plans";
import { checkInDue, nextRound } from "@/lib/action-plans/rules";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/format/beijing-time";

export type MyActionPlanProps = { userId: string; now: Date };

export async function MyActionPlan({ userId, now }: MyActionPlanProps) {
  const plan = await getMyActionPlan(getDb(), userId);
  const due = plan ? checkInDue(plan, now) : null;
  const next = plan && !due ? nextRound(plan, now) : null;
  return (
    <section aria-labelledby="my-action-plan" className="mt-6 rounded-lg border border-gray-200 p-4">
      <h2 id="my-action-plan" className="text-lg font-semibold">
        行动计划
      </h2>
      {!plan ? (
        <p className="mt-1 text-gray-700">
          学完第 8 模块或参加线下课后，写下回到岗位要做的 1 到 3 件事。
          <Link href="/me/action-plan" className="ml-1 font-semibold text-brand-700 underline">
            填写行动计划
          </Link>
        </p>
      ) : due ? (
        <p role="status" className="mt-1 rounded bg-amber-50 p-2 text-amber-900">
          第 {due.round} 天回访：请汇报行动计划的进展。
          <Link href="/me/action-plan" className="ml-1 font-semibold underline">
            汇报进展
          </Link>
        </p>
      ) : (
        <p className="mt-1 text-gray-700">
          已提交 {plan.actions.length} 项行动
          {next ? `，下一次回访：第 ${next.round} 天（${formatDate(next.arrivesAt)} 起）` : "，回访已全部完成"}。
          <Link href="/me/action-plan" className="ml-1 text-brand-700 underline">
            查看
          </Link>
        </p>
      )}
    </section>
  );
}
