// The 结项报告's later sections: topic mastery, satisfaction, action plans, item-analysis findings.
import { METRIC_LABELS, STATUS_LABELS, TOOL_LABELS } from "@/lib/action-plans/labels";
import { formatShare } from "@/lib/dashboard/format";
import { MIN_RESPONSES_FOR_FLAGS } from "@/lib/dashboard/stats";
import { formatDate } from "@/lib/format/beijing-time";
import { topicsChart } from "@/lib/reports/charts";
import { endsOf, MIN_BRANCH_RESPONSES, MIN_TOPIC_ANSWERS, type TopicFigure } from "@/lib/reports/figures";
import { HIDDEN_BRANCH_LABELS, NO_GROUP } from "@/lib/reports/labels";
import type { Report } from "@/lib/reports/report";
import { MIN_ANONYMOUS_RESPONSES } from "@/lib/surveys/results";
import { Empty, KeyFigures, ReportChart, ReportSection, ReportTable, type ReportSectionProps } from "./report-parts";

type SectionProps = Omit<ReportSectionProps, "children"> & { report: Report };

/** Printed verbatims per question; the workbook has all of them. */
const VERBATIMS_SHOWN = 12;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function TopicsSection({ report, ...section }: SectionProps) {
  const topics = report.topics.filter((t) => t.total > 0);
  // Weakest first: the ten that need most work and the five best held.
  const { shown, left } = endsOf(topics, 10, 5);
  return (
    <ReportSection {...section}>
      {topics.length === 0 ? (
        <Empty>还没有学员提交测验。</Empty>
      ) : (
        <>
          <p className="mt-2 text-sm text-gray-600">
            各知识点的答对率（每位学员每个测验最近一次提交），由低到高排列。
            {left > 0 &&
              `共 ${topics.length} 个知识点，这里列出最薄弱的 10 个和掌握最好的 5 个，完整列表见 Excel 数据包。`}
          </p>
          <ReportChart
            option={topicsChart(shown)}
            label="各知识点答对率"
            height={Math.max(200, 40 + shown.length * 28)}
          />
          <ReportTable
            caption="知识点答对率"
            head={["知识点", "作答题次", "答对率"]}
            rows={shown.map((t) => [t.tag, t.total, formatShare(t.share)])}
          />
          {report.topicsByBranch.length > 0 && <TopicsByBranch report={report} />}
        </>
      )}
    </ReportSection>
  );
}

const topicCell = (t: TopicFigure) => (t.total === 0 ? "—" : `${formatShare(t.share)}（${t.total} 题次）`);

function TopicsByBranch({ report }: { report: Report }) {
  const focus = report.topicsByBranch[0]?.focus.map((t) => t.tag) ?? [];
  return (
    <>
      <p className="mt-4 text-sm text-gray-600">
        按分行：全体最薄弱的 {focus.length} 个知识点在各分行的答对率，以及各分行自己最薄弱的知识点（两者都只在作答至少{" "}
        {MIN_TOPIC_ANSWERS} 题次的知识点中排序）。各分行全部知识点见 Excel 数据包。
      </p>
      <ReportTable
        caption="按分行"
        head={["分行", ...focus, "本分行最薄弱的知识点"]}
        rows={report.topicsByBranch.map((b) => [
          b.branch || NO_GROUP,
          ...b.focus.map(topicCell),
          b.weakest.map((t) => `${t.tag} ${formatShare(t.share)}`).join("、") || "—",
        ])}
      />
    </>
  );
}

export function SatisfactionSection({ report, ...section }: SectionProps) {
  const { runs, nps } = report.satisfaction;
  return (
    <ReportSection {...section}>
      {runs.length === 0 ? (
        <Empty>还没有开展训后满意度问卷。</Empty>
      ) : (
        <>
          <KeyFigures
            items={[
              { label: "回收问卷", value: `${runs.reduce((s, r) => s + r.responses, 0)} 份` },
              {
                label: "净推荐值（NPS）",
                value: nps?.score === null || !nps ? "—" : `${nps.score}`,
                note: "-100 至 100",
              },
            ]}
          />
          {runs.map((run, i) => (
            <div key={i} className="report-keep mt-4">
              <h3 className="font-medium text-gray-800">
                {run.cohortName} · {run.surveyTitle}（{formatDate(run.closesAt)} 截止，{run.anonymous ? "匿名" : "实名"}
                ）
              </h3>
              <p className="text-sm text-gray-600">
                回收 {run.responses} 份，回收率 {formatShare(ratio(run.responses, run.members))}。
                {!run.visible && `匿名问卷不足 ${MIN_ANONYMOUS_RESPONSES} 份，为保护作答人不显示结果。`}
              </p>
              {run.visible && (
                <ReportTable
                  caption="各部分平均分（1–5 分）"
                  head={["部分", "平均分"]}
                  rows={[
                    ...run.sections.filter((s) => s.average !== null).map((s) => [s.title, s.average!.toFixed(2)]),
                    ...(run.nps?.score !== null && run.nps ? [["净推荐值（NPS）", `${run.nps.score}`]] : []),
                  ]}
                />
              )}
              {run.verbatims.map((v) => (
                <div key={v.prompt} className="mt-3">
                  <p className="text-sm font-medium text-gray-700">{v.prompt}</p>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-gray-800">
                    {v.texts.slice(0, VERBATIMS_SHOWN).map((t, j) => (
                      <li key={j}>{t}</li>
                    ))}
                  </ul>
                  {v.texts.length > VERBATIMS_SHOWN && (
                    <p className="mt-1 text-xs text-gray-500">
                      另有 {v.texts.length - VERBATIMS_SHOWN} 条，见 Excel 数据包“学员反馈原文”。
                    </p>
                  )}
                </div>
              ))}
            </div>
          ))}
          {report.satisfaction.byBranch.length > 0 && <SatisfactionByBranch report={report} />}
        </>
      )}
    </ReportSection>
  );
}

function SatisfactionByBranch({ report }: { report: Report }) {
  const rows = report.satisfaction.byBranch;
  const titles = rows[0]?.sections.map((s) => s.title) ?? [];
  return (
    <div className="report-keep">
      <p className="mt-4 text-sm text-gray-600">
        按分行（学员作答时所在的分行；只统计已显示结果的问卷）。问卷匿名，作答不足 {MIN_BRANCH_RESPONSES}{" "}
        人的分行不单列；为免从合计中推算出这些分行的结果，必要时作答人数最少的分行也一并不单列。
      </p>
      <ReportTable
        caption="各分行满意度（1–5 分）"
        head={["分行", "回收（份）", "回收率", ...titles, "净推荐值（NPS）"]}
        rows={rows.map((r) =>
          r.hidden
            ? [r.branch || NO_GROUP, HIDDEN_BRANCH_LABELS[r.hidden], "", ...titles.map(() => ""), ""]
            : [
                r.branch || NO_GROUP,
                r.responses ?? 0,
                formatShare(ratio(r.responses ?? 0, r.invited)),
                ...titles.map((t) => {
                  const avg = r.sections.find((s) => s.title === t)?.average ?? null;
                  return avg === null ? "—" : avg.toFixed(2);
                }),
                r.nps?.score === null || !r.nps ? "—" : `${r.nps.score}`,
              ],
        )}
      />
    </div>
  );
}

export function PlansSection({ report, ...section }: SectionProps) {
  const { total, byBranch, examples } = report.plans;
  const roundCells = (rounds: typeof total.rounds) =>
    rounds.map((r) => (r.eligible === 0 ? "—" : `${r.followed}/${r.eligible}`));
  return (
    <ReportSection {...section}>
      {total.filed === 0 ? (
        <Empty>还没有学员提交行动计划。</Empty>
      ) : (
        <>
          <KeyFigures
            items={[
              {
                label: "提交行动计划",
                value: formatShare(ratio(total.filed, total.members)),
                note: `${total.filed} 人`,
              },
              ...total.rounds.map((r) => ({
                label: `${r.round} 天回访`,
                value: formatShare(ratio(r.followed, r.eligible)),
                note: `${r.followed}/${r.eligible} 份已到期计划`,
              })),
              {
                label: "行动已完成",
                value: formatShare(ratio(total.actionsDone, total.actions)),
                note: `${total.actionsDone}/${total.actions} 项`,
              },
            ]}
          />
          {byBranch.length > 0 && (
            <ReportTable
              caption="按分行（回访：已回访/已到期）"
              head={["分行", "学员（人）", "提交计划", ...total.rounds.map((r) => `${r.round} 天回访`), "行动完成"]}
              rows={byBranch.map((b) => [
                b.branch || NO_GROUP,
                b.members,
                b.filed,
                ...roundCells(b.rounds),
                `${b.actionsDone}/${b.actions}`,
              ])}
            />
          )}
          <h3 className="mt-4 font-medium text-gray-800">计划示例</h3>
          <ul className="mt-1 space-y-2 text-sm">
            {examples.map((p, i) => (
              <li key={i} className="report-keep rounded border border-gray-200 p-2">
                <p className="text-gray-600">{p.branch || NO_GROUP}的学员：</p>
                <ul className="list-disc pl-5">
                  {p.actions.map((a, j) => (
                    <li key={j}>
                      {TOOL_LABELS[a.tool]}：{a.description}（
                      {a.metric === "OTHER" ? a.metricName : METRIC_LABELS[a.metric]}
                      ，基线 {a.baseline}，目标 {a.target}；最新状态：{a.status ? STATUS_LABELS[a.status] : "未回访"}）
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </ReportSection>
  );
}

export function FindingsSection({ report, ...section }: SectionProps) {
  return (
    <ReportSection {...section}>
      {report.findings.length === 0 ? (
        <Empty>没有需要关注的试题（每题至少 {MIN_RESPONSES_FOR_FLAGS} 人作答后才做判断）。</Empty>
      ) : (
        <>
          <p className="mt-2 text-sm text-gray-600">
            按每位学员首次作答统计；最需要关注的 {report.findings.length} 道题。
          </p>
          <ReportTable
            caption="需要关注的试题"
            head={["测验", "题目", "作答（人）", "答对率", "区分度", "提示"]}
            rows={report.findings.map((f) => [
              report.kind === "organisation" ? `${f.cohortName} · ${f.quizTitle}` : f.quizTitle,
              f.prompt,
              f.responses,
              formatShare(f.facility),
              f.discrimination === null ? "—" : f.discrimination.toFixed(2),
              f.flags.map((x) => x.text).join("；"),
            ])}
          />
        </>
      )}
    </ReportSection>
  );
}
