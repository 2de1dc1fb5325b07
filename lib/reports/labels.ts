// The report's Chinese names for its codes, shared by the page, the charts and the workbook.
import { MIN_BRANCH_RESPONSES, type FunnelStage, type SatisfactionBranch } from "./figures";

export const FUNNEL_LABELS: Record<FunnelStage["key"], string> = {
  enrolled: "报名学员",
  started: "开始学习",
  allModules: "学完全部模块",
  finalTaken: "参加结业测评",
  finalPassed: "通过结业测评",
  completed: "结业",
  // A revoked certificate's holder still completed the course, but holds no valid certificate.
  certified: "持有效证书",
};

/** The sections in the order the page, the print and the workbook show them. */
export const SECTION_TITLES = {
  enrolment: "一、报名与出勤",
  funnel: "二、学习完成漏斗",
  gain: "三、训前训后知识提升",
  pass: "四、结业测评通过率",
  topics: "五、知识点掌握",
  satisfaction: "六、培训满意度与学员反馈",
  plans: "七、行动计划跟进",
  findings: "八、试题分析要点",
} as const;

export const NO_GROUP = "（未填）";

/** Why a 分行's satisfaction is not shown (lib/reports/figures.ts satisfactionByBranch). */
export const HIDDEN_BRANCH_LABELS: Record<NonNullable<SatisfactionBranch["hidden"]>, string> = {
  small: `人数不足 ${MIN_BRANCH_RESPONSES} 人，不单列`,
  complement: "为免推算，一并不单列",
};

/** "分行 / 部门" as one label; either may be missing from the roster. */
export function groupLabel(g: { branch: string; department: string }): string {
  return `${g.branch || NO_GROUP} / ${g.department || NO_GROUP}`;
}

/**
 * The report's author line until an admin sets the certificates' issuer at /admin/certificate,
 * which then names the consultancy on both (docs/decisions/0027).
 */
export const CONSULTANCY_NAME = "场景化金融生态课程组";
export const COURSE_NAME = "场景化金融生态 — 信用卡业务的转型与发展";
