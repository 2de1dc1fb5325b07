// The report's charts as ECharts options, in the trainer pages' palette (lib/dashboard/charts.ts),
// built from the report's figures. chart-svg.ts draws them on the server as SVG, so they print.
import { topicChart } from "@/lib/dashboard/charts";
import type { GainRow } from "@/lib/knowledge-gain/gain";
import type { FunnelStage, GroupFigures, TopicFigure } from "./figures";
import { FUNNEL_LABELS, groupLabel } from "./labels";

const PALETTE = ["#1d5fbf", "#e08a1e", "#2f9e6b", "#8b5cf6", "#d9485f"];
const font = { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif" };
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function funnelChart(stages: FunnelStage[]) {
  return {
    color: PALETTE,
    textStyle: font,
    grid: { left: 110, right: 56, top: 8, bottom: 24 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: stages.map((s) => FUNNEL_LABELS[s.key]) },
    series: [
      {
        type: "bar",
        data: stages.map((s) => s.count),
        label: { show: true, position: "right", formatter: "{c} 人" },
      },
    ],
  };
}

export function groupChart(rows: GroupFigures[]) {
  return {
    color: PALETTE,
    textStyle: font,
    legend: { data: ["结业率", "结业测评通过率", "出勤率"], bottom: 0 },
    grid: { left: 150, right: 24, top: 8, bottom: 48 },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: rows.map(groupLabel) },
    series: [
      { name: "结业率", type: "bar", data: rows.map((r) => pct(r.learners ? r.completed / r.learners : null)) },
      { name: "结业测评通过率", type: "bar", data: rows.map((r) => pct(r.passRate)) },
      { name: "出勤率", type: "bar", data: rows.map((r) => pct(r.attendanceRate)) },
    ],
  };
}

export function gainChart(rows: GainRow[]) {
  return {
    color: PALETTE,
    textStyle: font,
    legend: { data: ["训前测验", "结业测评（首次）"], bottom: 0 },
    grid: { left: 110, right: 24, top: 8, bottom: 48 },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.key) },
    series: [
      { name: "训前测验", type: "bar", data: rows.map((r) => r.pre.percent) },
      { name: "结业测评（首次）", type: "bar", data: rows.map((r) => r.post.percent) },
    ],
  };
}

/** The dashboard's topic chart, with the pooled figures as its one series. */
export function topicsChart(rows: TopicFigure[]) {
  return {
    ...topicChart(
      rows.map((r) => ({ tag: r.tag, cohorts: { all: r } })),
      [{ id: "all", name: "答对率" }],
    ),
    textStyle: font,
  };
}
