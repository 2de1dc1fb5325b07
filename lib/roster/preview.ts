// The plan as the trainer's preview shows it: each row's outcome, its cells, and a Chinese
// message per bad cell and per changed field. Pure, so the route and its tests share it.
import { ROSTER_FIELD_LABELS, rosterCellMessage } from "./messages";
import { countPlan, type PlannedRow, type RosterPlan } from "./plan";
import { ROSTER_FIELDS, ROSTER_HEADERS, type RosterRow } from "./validate";

export type RosterPreviewRow = {
  line: number;
  action: PlannedRow["action"];
  outcome: string;
  /** The row's values in template column order, as they will be stored. */
  cells: string[];
  /** Indexes into cells of the cells with a problem. */
  bad: number[];
  messages: string[];
  changes: string[];
};
export type RosterPreview = {
  fingerprint: string;
  headers: readonly string[];
  counts: ReturnType<typeof countPlan>;
  rows: RosterPreviewRow[];
};

const OUTCOMES: Record<PlannedRow["action"], string> = {
  create: "新建",
  update: "更新",
  unchanged: "跳过（无变化）",
  invalid: "有问题",
};

/** `file` gives the validator's own problems (the plan keeps only those it found against the bank). */
export function toRosterPreview(plan: RosterPlan, file: RosterRow[]): RosterPreview {
  const fileProblems = new Map(file.map((r) => [r.line, r.problems]));
  return {
    fingerprint: plan.fingerprint,
    headers: ROSTER_HEADERS,
    counts: countPlan(plan.rows),
    rows: plan.rows.map((p) => {
      const problems = [...(fileProblems.get(p.line) ?? []), ...p.problems];
      const outcome =
        p.action === "update"
          ? `更新（按${p.matchedBy === "employeeNo" ? "工号" : "手机"}匹配${p.changes.length ? "" : "，加入本班"}）`
          : OUTCOMES[p.action];
      return {
        line: p.line,
        action: p.action,
        outcome,
        cells: ROSTER_FIELDS.map((f) => p.values[f]),
        bad: [...new Set(problems.map((x) => ROSTER_FIELDS.indexOf(x.field)))],
        messages: problems.map((x) => rosterCellMessage(x.field, x.code)),
        changes: p.changes.map((c) => `${ROSTER_FIELD_LABELS[c.field]}原为“${c.from || "空"}”`),
      };
    }),
  };
}
