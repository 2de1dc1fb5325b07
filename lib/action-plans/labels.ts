// The Chinese names of the plan's codes, for pages (lib returns codes; pages phrase).
import type { ActionMetric, ActionStatus, ActionTool } from "@/lib/generated/prisma/enums";

export const TOOL_LABELS: Record<ActionTool, string> = {
  PARTNERSHIP: "银商合作方案（一家真实商户）",
  DAILY_REPORT: "每日报表例行分析",
  CORPORATE_EVENT: "企业客户活动",
  OTHER: "其他",
};

export const METRIC_LABELS: Record<ActionMetric, string> = {
  ACTIVE_CARD_RATE: "活卡率（%）",
  NEW_ACTIVE_CUSTOMERS: "新增动卡客户",
  INSTALMENT_COUNT: "分期笔数",
  MERCHANT_SIGNINGS: "商户签约数",
  OTHER: "其他",
};

export const STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: "未开始",
  IN_PROGRESS: "进行中",
  DONE: "完成",
  ABANDONED: "放弃",
};

export function metricName(a: { metric: ActionMetric; metricName: string | null }): string {
  return a.metric === "OTHER" ? (a.metricName ?? "其他") : METRIC_LABELS[a.metric];
}

export const FILE_PROBLEMS = {
  bad_actions: "请填写 1 到 3 项行动",
  already_filed: "你已经提交过行动计划，不能重复提交",
} as const;

export const REVISE_PROBLEMS = {
  bad_actions: "请填写 1 到 3 项行动",
  no_plan: "还没有行动计划，请先提交",
  checked_in: "已经汇报过回访的行动计划不能再修改；如有变化，请在下次回访时说明",
} as const;

export const CHECK_IN_PROBLEMS = {
  no_plan: "还没有行动计划",
  not_due: "这次回访已经提交过或尚未开始，请刷新页面",
  actions_changed: "行动计划有变化，请刷新页面后重新填写",
} as const;
