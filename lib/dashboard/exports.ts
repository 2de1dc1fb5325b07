// The two cohort downloads: the progress matrix (as filtered on the page) and every attempt.
// Column headers are Chinese; dates stay dates (lib/export/tabular.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NO_HOURS, type LearnerHours } from "@/lib/attendance/hours";
import type { Column } from "@/lib/export/tabular";
import type { CourseShape } from "./course-shape";
import type { MatrixRow } from "./progress-matrix";
import { STATUS_LABELS } from "./params";

const CELL_LABELS = { done: "已完成", in_progress: "学习中", not_started: "未开始" } as const;
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The matrix's columns, with the learners' classroom attendance and 学时 (lib/attendance/hours.ts). */
export function matrixColumns(shape: CourseShape, hours: Map<string, LearnerHours>): Column<MatrixRow>[] {
  const h = (r: MatrixRow) => hours.get(r.userId) ?? NO_HOURS;
  return [
    { header: "姓名", value: (r) => r.name, width: 14 },
    { header: "工号", value: (r) => r.employeeNo, width: 12 },
    { header: "分行", value: (r) => r.branch, width: 14 },
    { header: "支行/部门", value: (r) => r.department, width: 16 },
    { header: "邮箱", value: (r) => r.email, width: 26 },
    { header: "加入班级时间", value: (r) => r.joinedAt, width: 18 },
    { header: "状态", value: (r) => STATUS_LABELS[r.status], width: 10 },
    { header: "超过7天未学习", value: (r) => (r.inactive ? "是" : "否"), width: 14 },
    { header: "已完成课时", value: (r) => r.lessonsDone },
    { header: "已完成模块", value: (r) => r.modulesDone },
    ...shape.modules.flatMap((m, i): Column<MatrixRow>[] => [
      { header: `模块${m.number} 状态`, value: (r) => CELL_LABELS[r.cells[i]!.status], width: 12 },
      ...(m.quizId
        ? [{ header: `模块${m.number} 测验最高分`, value: (r: MatrixRow) => pct(r.cells[i]!.best), width: 16 }]
        : []),
    ]),
    { header: "结业测评最高分", value: (r) => pct(r.finalBest), width: 16 },
    { header: "结业时间", value: (r) => r.certifiedAt, width: 18 },
    { header: "课次数", value: (r) => h(r).sessions },
    { header: "出勤课次（含迟到）", value: (r) => h(r).attended, width: 18 },
    { header: "迟到", value: (r) => h(r).late },
    { header: "请假", value: (r) => h(r).leave },
    { header: "缺勤", value: (r) => h(r).absent },
    { header: "线下学时", value: (r) => h(r).classroomHours },
    { header: "线上学时", value: (r) => h(r).onlineHours },
    { header: "总学时", value: (r) => h(r).totalHours },
    { header: "最近学习时间", value: (r) => r.lastActive, width: 18 },
  ];
}

export type AttemptExportRow = {
  name: string;
  employeeNo: string | null;
  branch: string | null;
  department: string | null;
  email: string | null;
  quizTitle: string;
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  correct: number | null;
  total: number | null;
  percent: number | null;
  passed: boolean | null;
  timedOut: boolean;
  visibilityChanges: number;
};

export const attemptColumns: Column<AttemptExportRow>[] = [
  { header: "姓名", value: (r) => r.name, width: 14 },
  { header: "工号", value: (r) => r.employeeNo, width: 12 },
  { header: "分行", value: (r) => r.branch, width: 14 },
  { header: "支行/部门", value: (r) => r.department, width: 16 },
  { header: "邮箱", value: (r) => r.email, width: 26 },
  { header: "测验", value: (r) => r.quizTitle, width: 28 },
  { header: "第几次", value: (r) => r.number },
  { header: "开始时间", value: (r) => r.startedAt, width: 18 },
  { header: "提交时间", value: (r) => r.submittedAt, width: 18 },
  { header: "答对题数", value: (r) => r.correct },
  { header: "题目数", value: (r) => r.total },
  { header: "得分（%）", value: (r) => pct(r.percent) },
  { header: "是否通过", value: (r) => (r.passed === null ? "未提交" : r.passed ? "通过" : "未通过") },
  { header: "超时自动交卷", value: (r) => (r.timedOut ? "是" : "否"), width: 14 },
  // Tab or app switches while answering: for the trainer to judge, never acted on automatically.
  { header: "切出页面次数", value: (r) => r.visibilityChanges, width: 14 },
];

export async function getCohortAttempts(db: PrismaClient, cohortId: string): Promise<AttemptExportRow[]> {
  return db.$queryRaw<AttemptExportRow[]>`
    SELECT u.name, u."employeeNo", u.branch, u.department, u.email, q.title AS "quizTitle",
           (row_number() OVER (PARTITION BY a."userId", a."quizId" ORDER BY a."startedAt"))::int AS number,
           a."startedAt", a."submittedAt", a.correct, a.total, a.percent, a.passed,
           a."timedOut", a."visibilityChanges"
    FROM "Attempt" a
    JOIN "CohortMember" cm ON cm."userId" = a."userId" AND cm."cohortId" = ${cohortId}
    JOIN "User" u ON u.id = a."userId"
    JOIN "Quiz" q ON q.id = a."quizId"
    ORDER BY u."nameSortKey" COLLATE "C", u.name, a."userId", a."startedAt"`;
}
