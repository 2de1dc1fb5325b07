// The 结项报告 as one page a bank's training manager can forward unedited: the cover block with
// both names, then eight sections, each on its own A4 page when printed (app/globals.css .report).
import { OrganisationLogo } from "@/components/organisation-logo";
import { formatShare } from "@/lib/dashboard/format";
import { formatDate, formatDateTime } from "@/lib/format/beijing-time";
import { funnelChart, gainChart, groupChart } from "@/lib/reports/charts";
import { endsOf, type GroupFigures } from "@/lib/reports/figures";
import { COURSE_NAME, FUNNEL_LABELS, groupLabel, SECTION_TITLES } from "@/lib/reports/labels";
import type { Report } from "@/lib/reports/report";
import { Empty, KeyFigures, ReportChart, ReportSection, ReportTable } from "./report-parts";
import { FindingsSection, PlansSection, SatisfactionSection, TopicsSection } from "./report-sections";

export type ReportViewProps = { report: Report; title: string };

const num = (v: number | null, unit = "") => (v === null ? "—" : `${v}${unit}`);
const score = (v: number | null) => (v === null ? "—" : v.toFixed(1));
const points = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(1)} 个百分点`);

export function ReportView({ report, title }: ReportViewProps) {
  const { total, byGroup } = report;
  const gainTags = endsOf(report.gain.byTag, 5, 5);
  const cohortNames = report.cohorts.map((c) => c.name).join("、");
  const runningHeader = `${COURSE_NAME} · ${report.organisation.name} · ${
    report.kind === "cohort" ? cohortNames : `全部 ${report.cohorts.length} 个班级`
  }`;
  const section = (key: keyof typeof SECTION_TITLES) => ({
    id: `report-${key}`,
    title: SECTION_TITLES[key],
    runningHeader,
  });
  return (
    <article className="report" aria-labelledby="report-title">
      <div className="report-cover flex flex-wrap items-start justify-between gap-4 border-b-2 border-brand-700 pb-4">
        <div>
          <p className="text-sm text-gray-600">{COURSE_NAME}</p>
          <h1 id="report-title" className="mt-1 text-2xl font-bold text-brand-900 sm:text-3xl">
            {title}
          </h1>
          <p className="mt-2 text-sm text-gray-700">
            客户机构：{report.organisation.name}　|　培训实施：{report.consultancyName}
          </p>
          <p className="mt-1 text-sm text-gray-700">
            {report.kind === "cohort" ? "班级" : "包含班级"}：{cohortNames || "（暂无班级）"}
          </p>
          <p className="mt-1 text-xs text-gray-500">
            数据截至 {formatDateTime(report.generatedAt)}（北京时间）。学员个人姓名不出现在本报告中。
          </p>
        </div>
        <OrganisationLogo organisation={report.organisation} className="h-16" />
      </div>

      {report.kind === "organisation" && report.cohorts.length > 0 && (
        <ReportTable
          caption="各班级概况"
          head={["班级", "培训师", "起止日期", "学员（人）", "课次"]}
          rows={report.cohorts.map((c) => [
            c.name,
            c.trainerName,
            `${formatDate(c.startsOn) || "—"} 至 ${formatDate(c.endsOn) || "—"}`,
            c.learners,
            c.sessions,
          ])}
        />
      )}

      <ReportSection {...section("enrolment")}>
        <KeyFigures
          items={[
            { label: "报名学员", value: `${total.learners} 人` },
            {
              label: "开始学习",
              value: formatShare(share(total.started, total.learners)),
              note: `${total.started} 人`,
            },
            { label: "线下课出勤率", value: formatShare(total.attendanceRate) },
            {
              label: "人均学时",
              value: num(total.averageHours),
              note: `线下 ${num(total.averageClassroomHours)}，线上 ${num(total.averageOnlineHours)}`,
            },
          ]}
        />
        {byGroup.length > 0 && (
          <ReportTable
            caption="按分行、部门"
            head={["分行 / 部门", "学员（人）", "开始学习", "出勤率", "人均学时"]}
            rows={byGroup.map((g) => [
              groupLabel(g),
              g.learners,
              formatShare(share(g.started, g.learners)),
              formatShare(g.attendanceRate),
              num(g.averageHours),
            ])}
          />
        )}
      </ReportSection>

      <ReportSection {...section("funnel")}>
        {total.learners === 0 ? (
          <Empty>还没有学员报名。</Empty>
        ) : (
          <>
            <ReportChart option={funnelChart(report.funnel)} label="学习完成漏斗：各阶段人数" height={240} />
            <ReportTable
              caption="各阶段人数（占报名学员）"
              head={["阶段", "人数", "占报名学员"]}
              rows={report.funnel.map((s) => [FUNNEL_LABELS[s.key], s.count, formatShare(s.share)])}
            />
            <p className="mt-2 text-xs text-gray-500">
              结业：完成全部学习要求、获发结业证书的人数；持有效证书：其中证书未被撤销的人数。
            </p>
            {byGroup.length > 0 && <GroupFunnel rows={byGroup} />}
          </>
        )}
      </ReportSection>

      <ReportSection {...section("gain")}>
        {report.gain.overall === null ? (
          <Empty>
            还没有学员同时完成训前测验和结业测评（训前测验 {report.gain.preTakers} 人，结业测评 {report.gain.postTakers}{" "}
            人）。
          </Empty>
        ) : (
          <>
            <KeyFigures
              items={[
                { label: "训前测验答对率", value: num(report.gain.overall.pre.percent, "%") },
                { label: "结业测评答对率（首次）", value: num(report.gain.overall.post.percent, "%") },
                { label: "提升", value: points(report.gain.overall.gain) },
                { label: "两次都参加", value: `${report.gain.both} 人` },
              ]}
            />
            {gainTags.shown.length > 0 && (
              <>
                <p className="mt-3 text-sm text-gray-600">
                  各知识点训前与训后答对率，按提升幅度由高到低。
                  {gainTags.left > 0 &&
                    `共 ${report.gain.byTag.length} 个知识点，这里列出提升最多和最少的各 5 个，完整列表见 Excel 数据包。`}
                </p>
                <ReportChart
                  option={gainChart(gainTags.shown)}
                  label="各知识点训前与训后答对率"
                  height={Math.max(200, 40 + gainTags.shown.length * 34)}
                />
              </>
            )}
            <ReportTable
              caption="按分行"
              head={["分行", "学员（人）", "训前答对率", "训后答对率", "提升"]}
              rows={report.gain.byBranch.map((r) => [
                r.key,
                r.learners,
                num(r.pre.percent, "%"),
                num(r.post.percent, "%"),
                points(r.gain),
              ])}
            />
          </>
        )}
      </ReportSection>

      <ReportSection {...section("pass")}>
        <KeyFigures
          items={[
            { label: "参加结业测评", value: `${total.finalTakers} 人` },
            { label: "通过", value: `${total.finalPassed} 人` },
            { label: "通过率", value: formatShare(total.passRate), note: "通过人数 ÷ 参加人数" },
            { label: "平均成绩（最高一次）", value: score(total.averageFinal) },
          ]}
        />
        {byGroup.length > 0 && (
          <>
            <ReportChart
              option={groupChart(byGroup)}
              label="各分行、部门的结业率、结业测评通过率和出勤率"
              height={Math.max(220, 60 + byGroup.length * 44)}
            />
            <ReportTable
              caption="按分行、部门"
              head={["分行 / 部门", "参加（人）", "通过（人）", "通过率", "平均成绩"]}
              rows={byGroup.map((g) => [
                groupLabel(g),
                g.finalTakers,
                g.finalPassed,
                formatShare(g.passRate),
                score(g.averageFinal),
              ])}
            />
          </>
        )}
      </ReportSection>

      <TopicsSection report={report} {...section("topics")} />
      <SatisfactionSection report={report} {...section("satisfaction")} />
      <PlansSection report={report} {...section("plans")} />
      <FindingsSection report={report} {...section("findings")} />
    </article>
  );
}

function share(part: number, whole: number) {
  return whole > 0 ? part / whole : null;
}

function GroupFunnel({ rows }: { rows: GroupFigures[] }) {
  return (
    <ReportTable
      caption="按分行、部门"
      head={["分行 / 部门", "报名", "开始学习", "学完全部模块", "参加结业测评", "通过结业测评", "结业", "持有效证书"]}
      rows={rows.map((g) => [
        groupLabel(g),
        g.learners,
        g.started,
        g.allModulesDone,
        g.finalTakers,
        g.finalPassed,
        g.completed,
        g.certified,
      ])}
    />
  );
}
