// ECharts options for the trainer pages, built on the server from plain numbers (the client
// component only draws them). Colours follow the site's brand palette.
import type { TimelinePoint } from "./overview";
import type { TopicRow } from "./topic-mastery";

const PALETTE = ["#1d5fbf", "#e08a1e", "#2f9e6b", "#8b5cf6", "#d9485f"];
const font = { fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif" };

export function timelineChart(points: TimelinePoint[]) {
  return {
    color: PALETTE,
    textStyle: font,
    tooltip: { trigger: "axis" },
    legend: { data: ["模块测验首次通过（人次）", "累计结业（人）"], bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: points.map((p) => p.day.slice(5)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "模块测验首次通过（人次）", type: "bar", data: points.map((p) => p.modulePasses) },
      { name: "累计结业（人）", type: "line", step: "end", data: points.map((p) => p.cumulativeCompletions) },
    ],
  };
}

export function topicChart(rows: TopicRow[], cohorts: { id: string; name: string }[]) {
  return {
    color: PALETTE,
    textStyle: font,
    tooltip: { trigger: "axis" },
    legend: { data: cohorts.map((c) => c.name), bottom: 0 },
    grid: { left: 96, right: 24, top: 8, bottom: 48 },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.tag) },
    series: cohorts.map((c) => ({
      name: c.name,
      type: "bar",
      data: rows.map((r) => {
        const s = r.cohorts[c.id]?.share;
        return s === null || s === undefined ? null : Math.round(s * 1000) / 10;
      }),
    })),
  };
}
