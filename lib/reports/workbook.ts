// The 结项报告's .xlsx pack: one sheet per section, the same figures as the page, shares as real
// percentages (numbers formatted 0.0%) so the bank can re-chart them. Built with lib/export/tabular.ts.
import { formatDateTime } from "@/lib/format/beijing-time";
import { xlsxSheet, type Column, type XlsxSheet } from "@/lib/export/tabular";
import type { GainRow } from "@/lib/knowledge-gain/gain";
import type { GroupFigures, PlanFigures } from "./figures";
import { COURSE_NAME, FUNNEL_LABELS, HIDDEN_BRANCH_LABELS, NO_GROUP, SECTION_TITLES } from "./labels";
import type { Report } from "./report";
import { STATUS_LABELS, TOOL_LABELS, metricName } from "@/lib/action-plans/labels";

const PERCENT = "0.0%";
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const fromPercent = (v: number | null) => (v === null ? null : v / 100);
/** Sheet names are the section titles without their "一、" numbering. */
const sheetName = (key: keyof typeof SECTION_TITLES) => SECTION_TITLES[key].replace(/^[一二三四五六七八九十]+、/, "");

type Total = GroupFigures & { label: string };
const withTotal = (r: Report): Total[] => [
  { ...r.total, label: "合计" },
  ...r.byGroup.map((g) => ({ ...g, label: "" })),
];
const branchOf = (g: Total) => g.label || g.branch || NO_GROUP;
const deptOf = (g: Total) => (g.label ? "" : g.department || NO_GROUP);

const enrolmentColumns: Column<Total>[] = [
  { header: "分行", value: branchOf, width: 16 },
  { header: "支行/部门", value: deptOf, width: 16 },
  { header: "学员（人）", value: (g) => g.learners },
  { header: "开始学习（人）", value: (g) => g.started },
  { header: "开始学习率", value: (g) => ratio(g.started, g.learners), format: PERCENT },
  { header: "线下课出勤率", value: (g) => g.attendanceRate, format: PERCENT },
  { header: "人均线下学时", value: (g) => g.averageClassroomHours },
  { header: "人均线上学时", value: (g) => g.averageOnlineHours },
  { header: "人均总学时", value: (g) => g.averageHours },
];

const passColumns: Column<Total>[] = [
  { header: "分行", value: branchOf, width: 16 },
  { header: "支行/部门", value: deptOf, width: 16 },
  { header: "学员（人）", value: (g) => g.learners },
  { header: "学完全部模块（人）", value: (g) => g.allModulesDone },
  { header: "参加结业测评（人）", value: (g) => g.finalTakers },
  { header: "通过（人）", value: (g) => g.finalPassed },
  { header: "通过率", value: (g) => g.passRate, format: PERCENT },
  { header: "平均成绩（最高一次）", value: (g) => g.averageFinal },
  { header: "结业（人）", value: (g) => g.completed },
  { header: "结业率", value: (g) => ratio(g.completed, g.learners), format: PERCENT },
  { header: "持有效证书（人）", value: (g) => g.certified },
];

type GainLine = GainRow & { scope: string };
const gainColumns: Column<GainLine>[] = [
  { header: "范围", value: (r) => r.scope },
  { header: "名称", value: (r) => r.key, width: 20 },
  { header: "学员（人）", value: (r) => r.learners },
  { header: "训前答对率", value: (r) => fromPercent(r.pre.percent), format: PERCENT },
  { header: "训后答对率（首次结业测评）", value: (r) => fromPercent(r.post.percent), format: PERCENT, width: 26 },
  { header: "提升（百分点）", value: (r) => r.gain },
];

const planColumns = (rounds: number[]): Column<PlanFigures & { label: string }>[] => [
  { header: "分行", value: (p) => p.label || p.branch || NO_GROUP, width: 16 },
  { header: "学员（人）", value: (p) => p.members },
  { header: "提交计划（人）", value: (p) => p.filed },
  { header: "提交率", value: (p) => ratio(p.filed, p.members), format: PERCENT },
  ...rounds.flatMap((round): Column<PlanFigures & { label: string }>[] => [
    { header: `${round}天已到期`, value: (p) => p.rounds.find((r) => r.round === round)?.eligible ?? 0 },
    { header: `${round}天已回访`, value: (p) => p.rounds.find((r) => r.round === round)?.followed ?? 0 },
  ]),
  { header: "行动（项）", value: (p) => p.actions },
  { header: "已完成（项）", value: (p) => p.actionsDone },
];

export function reportSheets(r: Report): XlsxSheet[] {
  const cohortNames = r.cohorts.map((c) => c.name).join("、");
  // All text or counts: a date here would turn the column's format (and so the counts) into dates.
  const overview: [string, string | number][] = [
    ["课程", COURSE_NAME],
    ["客户机构", r.organisation.name],
    ["培训实施", r.consultancyName],
    [r.kind === "cohort" ? "班级" : "包含班级", cohortNames],
    ["数据截至（北京时间）", formatDateTime(r.generatedAt)],
    ["报名学员（人）", r.total.learners],
    ["结业（人）", r.total.completed],
    ["结业测评通过率", r.total.passRate === null ? "—" : `${(r.total.passRate * 100).toFixed(1)}%`],
  ];
  const gainLines: GainLine[] = [
    ...(r.gain.overall ? [{ ...r.gain.overall, scope: "全部" }] : []),
    ...r.gain.byTag.map((g) => ({ ...g, scope: "知识点" })),
    ...r.gain.byBranch.map((g) => ({ ...g, scope: "分行" })),
  ];
  const rounds = r.plans.total.rounds.map((x) => x.round);
  const topicLines = r.topicsByBranch.flatMap((b) => b.all.map((t) => ({ ...t, branch: b.branch })));
  const satisfactionTitles = r.satisfaction.byBranch[0]?.sections.map((s) => s.title) ?? [];
  const verbatims = r.satisfaction.runs.flatMap((run) =>
    run.verbatims.flatMap((v) => v.texts.map((text) => ({ run, prompt: v.prompt, text }))),
  );
  return [
    xlsxSheet(
      "概况",
      [
        { header: "项目", value: (x: (typeof overview)[number]) => x[0], width: 20 },
        { header: "内容", value: (x) => x[1], width: 60 },
      ],
      overview,
    ),
    xlsxSheet(sheetName("enrolment"), enrolmentColumns, withTotal(r)),
    xlsxSheet(
      sheetName("funnel"),
      [
        { header: "阶段", value: (s) => FUNNEL_LABELS[s.key], width: 18 },
        { header: "人数", value: (s) => s.count },
        { header: "占报名学员", value: (s) => s.share, format: PERCENT },
      ],
      r.funnel,
    ),
    xlsxSheet(sheetName("gain"), gainColumns, gainLines),
    xlsxSheet(sheetName("pass"), passColumns, withTotal(r)),
    xlsxSheet(
      sheetName("topics"),
      [
        { header: "知识点", value: (t) => t.tag, width: 20 },
        { header: "作答题次", value: (t) => t.total },
        { header: "答对题次", value: (t) => t.correct },
        { header: "答对率", value: (t) => t.share, format: PERCENT },
      ],
      r.topics,
    ),
    xlsxSheet(
      "知识点掌握（按分行）",
      [
        { header: "分行", value: (t) => t.branch || NO_GROUP, width: 16 },
        { header: "知识点", value: (t) => t.tag, width: 20 },
        { header: "作答题次", value: (t) => t.total },
        { header: "答对题次", value: (t) => t.correct },
        { header: "答对率", value: (t) => t.share, format: PERCENT },
      ],
      topicLines,
    ),
    xlsxSheet(
      "满意度",
      [
        { header: "班级", value: (x) => x.cohortName, width: 24 },
        { header: "问卷", value: (x) => x.surveyTitle, width: 20 },
        { header: "截止时间", value: (x) => x.closesAt },
        { header: "方式", value: (x) => (x.anonymous ? "匿名" : "实名") },
        { header: "回收（份）", value: (x) => x.responses },
        { header: "回收率", value: (x) => ratio(x.responses, x.members), format: PERCENT },
        ...(r.satisfaction.runs[0]?.sections ?? []).map((s, i): Column<Report["satisfaction"]["runs"][number]> => ({
          header: `${s.title}（平均分）`,
          value: (x) => x.sections[i]?.average ?? null,
          width: 20,
        })),
        { header: "净推荐值（NPS）", value: (x) => x.nps?.score ?? null },
      ],
      r.satisfaction.runs,
    ),
    xlsxSheet(
      "满意度（按分行）",
      [
        { header: "分行", value: (b) => b.branch || NO_GROUP, width: 16 },
        { header: "回收（份）", value: (b) => b.responses },
        {
          header: "回收率",
          value: (b) => (b.responses === null ? null : ratio(b.responses, b.invited)),
          format: PERCENT,
        },
        ...satisfactionTitles.map((title): Column<Report["satisfaction"]["byBranch"][number]> => ({
          header: `${title}（平均分）`,
          value: (b) => b.sections.find((s) => s.title === title)?.average ?? null,
          width: 20,
        })),
        { header: "净推荐值（NPS）", value: (b) => b.nps?.score ?? null },
        {
          header: "说明",
          value: (b) => (b.hidden ? HIDDEN_BRANCH_LABELS[b.hidden] : ""),
          width: 24,
        },
      ],
      r.satisfaction.byBranch,
    ),
    xlsxSheet(
      "学员反馈原文",
      [
        { header: "班级", value: (x) => x.run.cohortName, width: 24 },
        { header: "问题", value: (x) => x.prompt, width: 30 },
        { header: "反馈原文", value: (x) => x.text, width: 80 },
      ],
      verbatims,
    ),
    xlsxSheet(sheetName("plans"), planColumns(rounds), [
      { ...r.plans.total, label: "合计" },
      ...r.plans.byBranch.map((b) => ({ ...b, label: "" })),
    ]),
    xlsxSheet(
      "行动计划示例",
      [
        { header: "分行", value: (x) => x.branch || NO_GROUP, width: 16 },
        { header: "工具", value: (x) => TOOL_LABELS[x.tool], width: 24 },
        { header: "行动", value: (x) => x.description, width: 40 },
        { header: "指标", value: (x) => metricName(x), width: 16 },
        { header: "基线", value: (x) => x.baseline },
        { header: "目标", value: (x) => x.target },
        { header: "最新状态", value: (x) => (x.status ? STATUS_LABELS[x.status] : "未回访") },
      ],
      r.plans.examples.flatMap((p) => p.actions.map((a) => ({ ...a, branch: p.branch }))),
    ),
    xlsxSheet(
      sheetName("findings"),
      [
        { header: "班级", value: (f) => f.cohortName, width: 24 },
        { header: "测验", value: (f) => f.quizTitle, width: 20 },
        { header: "题目", value: (f) => f.prompt, width: 50 },
        { header: "作答（人）", value: (f) => f.responses },
        { header: "答对率", value: (f) => f.facility, format: PERCENT },
        {
          header: "区分度",
          value: (f) => (f.discrimination === null ? null : Math.round(f.discrimination * 100) / 100),
        },
        { header: "提示", value: (f) => f.flags.map((x) => x.text).join("；"), width: 60 },
      ],
      r.findings,
    ),
  ];
}
