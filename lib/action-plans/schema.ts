// The learner's two forms, shared by the page and the actions: filing a plan (up to three actions
// as flat fields a1…a3, so the page works without script) and a check-in (one status, result
// and obstacle per open action). Messages are field-level Chinese, as the action helper expects.
import { z } from "zod";
import { formatDate } from "@/lib/format/beijing-time";
import { ActionMetric, ActionStatus, ActionTool } from "@/lib/generated/prisma/enums";
import { PlanChoiceSchema } from "./exercise";

export const MAX_ACTIONS = 3;
export const SLOTS = [1, 2, 3] as const;
const FIELDS = ["Tool", "Merchant", "Description", "Metric", "MetricName", "Baseline", "Target", "DueOn", "Exercise"];

export type ActionInput = {
  tool: ActionTool;
  merchant: string | null;
  description: string;
  metric: ActionMetric;
  metricName: string | null;
  baseline: number;
  target: number;
  dueOn: Date;
  exercise: z.infer<typeof PlanChoiceSchema> | null;
};

const FULL_WIDTH = /[０-９．－]/g;
/** "３５.５％" or "35.5%" → 35.5; null when it is not a number. */
export function parseFigure(raw: string): number | null {
  const v = raw
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％,，]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) < 1e12 ? n : null;
}

/** A Beijing calendar date "2026-12-31" as the instant of its midnight; null when malformed. */
export function parseBeijingDate(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const d = new Date(`${m[0]}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) || formatDate(d) !== m[0] ? null : d;
}

const str = z.string().optional();
const shape = Object.fromEntries(SLOTS.flatMap((i) => FIELDS.map((f) => [`a${i}${f}`, str])));

/** The plan form, judged against `now` (a due date must be today or later, within a year). */
export function actionPlanSchema(now: Date) {
  const today = parseBeijingDate(formatDate(now))!;
  const latest = new Date(today.getTime() + 366 * 86_400_000);
  return z.object(shape).transform((raw, ctx) => {
    const get = (i: number, f: string) => (raw[`a${i}${f}`] ?? "").trim();
    const fail = (i: number, f: string, message: string) => {
      ctx.addIssue({ code: "custom", path: [`a${i}${f}`], message });
    };
    const actions: ActionInput[] = [];
    for (const i of SLOTS) {
      // A slot counts once anything is typed or chosen in it (besides the exercise's hidden choice).
      const used = FIELDS.some((f) => f !== "Exercise" && get(i, f) !== "");
      if (!used) continue;
      const tool = z.enum(ActionTool).safeParse(get(i, "Tool"));
      const metric = z.enum(ActionMetric).safeParse(get(i, "Metric"));
      const merchant = get(i, "Merchant");
      const description = get(i, "Description");
      const metricName = get(i, "MetricName");
      const baseline = parseFigure(get(i, "Baseline"));
      const target = parseFigure(get(i, "Target"));
      const dueOn = parseBeijingDate(get(i, "DueOn"));
      let ok = true;
      const check = (bad: boolean, f: string, message: string) => {
        if (bad) {
          ok = false;
          fail(i, f, message);
        }
      };
      check(!tool.success, "Tool", "请选择这项行动用到的课程工具");
      check(tool.data === "PARTNERSHIP" && merchant === "", "Merchant", "银商合作方案请填写一家真实商户的名称");
      check(merchant.length > 50, "Merchant", "商户名称请不超过 50 个字");
      check(description === "", "Description", "请写明具体要做什么");
      check(description.length > 200, "Description", "行动内容请不超过 200 个字");
      check(!metric.success, "Metric", "请选择衡量这项行动的指标");
      check(metric.data === "OTHER" && metricName === "", "MetricName", "选择“其他”时请填写指标名称");
      check(metricName.length > 20, "MetricName", "指标名称请不超过 20 个字");
      check(baseline === null, "Baseline", "请填写现在的数值（基线），如 35 或 12.5");
      check(target === null, "Target", "请填写目标数值，如 45");
      if (metric.data === "ACTIVE_CARD_RATE") {
        check(
          baseline !== null && (baseline < 0 || baseline > 100),
          "Baseline",
          "活卡率是百分比，请填写 0 到 100 之间的数",
        );
        check(target !== null && (target < 0 || target > 100), "Target", "活卡率是百分比，请填写 0 到 100 之间的数");
      }
      check(baseline !== null && target !== null && baseline === target, "Target", "目标值应与基线不同");
      check(dueOn === null, "DueOn", "请选择完成日期");
      check(dueOn !== null && (dueOn < today || dueOn > latest), "DueOn", "完成日期应在今天到一年之内");
      let exercise: ActionInput["exercise"] = null;
      if (get(i, "Exercise")) {
        const parsed = PlanChoiceSchema.safeParse(safeJson(get(i, "Exercise")));
        check(!parsed.success, "Tool", "练习中的方案无法读取，请刷新页面后重试");
        exercise = parsed.success ? parsed.data : null;
      }
      if (!ok || !tool.success || !metric.success || baseline === null || target === null || !dueOn) continue;
      actions.push({
        tool: tool.data,
        merchant: tool.data === "PARTNERSHIP" || merchant ? merchant || null : null,
        description,
        metric: metric.data,
        metricName: metric.data === "OTHER" ? metricName : null,
        baseline,
        target,
        dueOn,
        exercise,
      });
    }
    if (actions.length === 0 && ctx.issues.length === 0) fail(1, "Tool", "请至少填写一项行动");
    return actions;
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export type CheckInReport = { actionId: string; status: ActionStatus; result: number | null; obstacles: string };

/** Status rules of a report: 完成 needs the result figure; 未开始 and 放弃 need what got in the way. */
export const checkInSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const round = Number(raw.round);
  const reports: CheckInReport[] = [];
  const ids = Object.keys(raw)
    .filter((k) => k.startsWith("status_"))
    .map((k) => k.slice("status_".length));
  for (const id of ids) {
    const status = z.enum(ActionStatus).safeParse(raw[`status_${id}`]);
    const resultRaw = (raw[`result_${id}`] ?? "").trim();
    const result = resultRaw === "" ? null : parseFigure(resultRaw);
    const obstacles = (raw[`obstacles_${id}`] ?? "").trim();
    const fail = (f: string, message: string) => ctx.addIssue({ code: "custom", path: [`${f}_${id}`], message });
    if (!status.success) fail("status", "请选择这项行动的进展");
    if (resultRaw !== "" && result === null) fail("result", "请填写数字，如 42 或 12.5");
    if (status.data === "DONE" && resultRaw === "") fail("result", "已完成的行动请填写实际结果数值");
    if ((status.data === "NOT_STARTED" || status.data === "ABANDONED") && obstacles === "")
      fail("obstacles", status.data === "ABANDONED" ? "请写明放弃的原因" : "请写明是什么让行动还没开始");
    if (obstacles.length > 300) fail("obstacles", "请不超过 300 个字");
    if (status.success) reports.push({ actionId: id, status: status.data, result, obstacles });
  }
  if (ids.length === 0) ctx.addIssue({ code: "custom", path: ["form"], message: "没有需要汇报的行动" });
  return { round, reports };
});
