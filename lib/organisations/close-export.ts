// Step 1 of the end of a contract: everything the bank's learners left in the course, as one
// .xlsx for the bank to keep (PIPL: the processor returns the data before deleting it). Sheets:
// learners with their roster fields, cohort membership, lessons done, quiz attempts,
// certificates, and the trail of who exported this bank's data. Written to the audit trail before
// the file leaves (decision 0008), which is also what the erase step checks for.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_LABELS, recordAudit, type Actor } from "@/lib/audit/audit-log";
import { REVOKE_REASON_LABELS } from "@/lib/certificates/rules";
import { toXlsxBook, xlsxSheet, type Column } from "@/lib/export/tabular";
import { organisationLearners } from "./close";

const accountStatus = (u: { disabled: boolean; erasedAt: Date | null }) =>
  u.erasedAt ? "已删除个人信息" : u.disabled ? "已停用" : "正常";

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

async function readPack(db: PrismaClient, organisationId: string) {
  const learnerWhere = organisationLearners(organisationId);
  const person = { name: true, employeeNo: true } as const;
  const [learners, memberships, lessons, attempts, certificates, cohortIds] = await Promise.all([
    db.user.findMany({
      where: learnerWhere,
      orderBy: [{ nameSortKey: "asc" }, { id: "asc" }],
      select: {
        name: true,
        email: true,
        mobile: true,
        employeeNo: true,
        branch: true,
        department: true,
        position: true,
        disabled: true,
        erasedAt: true,
        createdAt: true,
      },
    }),
    db.cohortMember.findMany({
      where: { cohort: { organisationId } },
      orderBy: [{ cohort: { createdAt: "asc" } }, { joinedAt: "asc" }],
      select: {
        joinedAt: true,
        user: { select: person },
        cohort: { select: { name: true, startsOn: true, endsOn: true, trainer: { select: { name: true } } } },
      },
    }),
    db.lessonProgress.findMany({
      where: { user: learnerWhere },
      orderBy: [{ userId: "asc" }, { completedAt: "asc" }],
      select: { moduleSlug: true, lessonSlug: true, completedAt: true, user: { select: person } },
    }),
    db.attempt.findMany({
      where: { user: learnerWhere },
      orderBy: [{ userId: "asc" }, { startedAt: "asc" }],
      select: {
        startedAt: true,
        submittedAt: true,
        correct: true,
        total: true,
        percent: true,
        passed: true,
        quiz: { select: { title: true } },
        user: { select: person },
      },
    }),
    db.certificate.findMany({
      where: { user: learnerWhere },
      orderBy: { issuedAt: "asc" },
      select: {
        id: true,
        name: true,
        issuedAt: true,
        revokedAt: true,
        revokeReason: true,
        user: { select: { employeeNo: true } },
      },
    }),
    db.cohort.findMany({ where: { organisationId }, select: { id: true } }),
  ]);
  const exports = await db.auditEvent.findMany({
    where: {
      action: { in: ["COHORT_EXPORT", "ORGANISATION_EXPORT"] },
      target: { in: [organisationId, ...cohortIds.map((c) => c.id)] },
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, actorName: true, action: true, detail: true, rows: true },
  });
  return { learners, memberships, lessons, attempts, certificates, exports };
}

type Pack = Awaited<ReturnType<typeof readPack>>;
type Col<K extends keyof Pack> = Column<Pack[K][number]>;

const learnerColumns: Col<"learners">[] = [
  { header: "姓名", value: (r) => r.name, width: 14 },
  { header: "工号", value: (r) => r.employeeNo, width: 12 },
  { header: "手机", value: (r) => r.mobile, width: 14 },
  { header: "邮箱", value: (r) => r.email, width: 26 },
  { header: "分行", value: (r) => r.branch, width: 14 },
  { header: "支行/部门", value: (r) => r.department, width: 16 },
  { header: "岗位", value: (r) => r.position, width: 14 },
  { header: "账号状态", value: accountStatus, width: 14 },
  { header: "注册时间", value: (r) => r.createdAt, width: 18 },
];

const membershipColumns: Col<"memberships">[] = [
  { header: "班级", value: (r) => r.cohort.name, width: 28 },
  { header: "培训师", value: (r) => r.cohort.trainer.name, width: 12 },
  { header: "开始日期", value: (r) => r.cohort.startsOn, format: "yyyy-mm-dd", width: 12 },
  { header: "结束日期", value: (r) => r.cohort.endsOn, format: "yyyy-mm-dd", width: 12 },
  { header: "姓名", value: (r) => r.user.name, width: 14 },
  { header: "工号", value: (r) => r.user.employeeNo, width: 12 },
  { header: "加入时间", value: (r) => r.joinedAt, width: 18 },
];

const lessonColumns: Col<"lessons">[] = [
  { header: "姓名", value: (r) => r.user.name, width: 14 },
  { header: "工号", value: (r) => r.user.employeeNo, width: 12 },
  { header: "模块", value: (r) => r.moduleSlug, width: 24 },
  { header: "课时", value: (r) => r.lessonSlug, width: 28 },
  { header: "完成时间", value: (r) => r.completedAt, width: 18 },
];

const attemptColumns: Col<"attempts">[] = [
  { header: "姓名", value: (r) => r.user.name, width: 14 },
  { header: "工号", value: (r) => r.user.employeeNo, width: 12 },
  { header: "测验", value: (r) => r.quiz.title, width: 28 },
  { header: "开始时间", value: (r) => r.startedAt, width: 18 },
  { header: "提交时间", value: (r) => r.submittedAt, width: 18 },
  { header: "答对题数", value: (r) => r.correct },
  { header: "题目数", value: (r) => r.total },
  { header: "得分（%）", value: (r) => pct(r.percent) },
  { header: "是否通过", value: (r) => (r.passed === null ? "未提交" : r.passed ? "通过" : "未通过") },
];

const certificateColumns: Col<"certificates">[] = [
  { header: "证书上的姓名", value: (r) => r.name, width: 14 },
  { header: "工号", value: (r) => r.user.employeeNo, width: 12 },
  { header: "证书编号", value: (r) => r.id, width: 26 },
  { header: "颁发时间", value: (r) => r.issuedAt, width: 18 },
  { header: "撤销时间", value: (r) => r.revokedAt, width: 18 },
  { header: "撤销原因", value: (r) => (r.revokeReason ? REVOKE_REASON_LABELS[r.revokeReason] : ""), width: 14 },
];

const exportColumns: Col<"exports">[] = [
  { header: "时间", value: (r) => r.createdAt, width: 18 },
  { header: "操作人", value: (r) => r.actorName, width: 16 },
  { header: "操作", value: (r) => AUDIT_LABELS[r.action], width: 18 },
  { header: "条数", value: (r) => r.rows },
  { header: "说明", value: (r) => r.detail, width: 40 },
];

/** Records the export (before anything leaves), then builds the workbook. */
export async function exportOrganisationPack(
  db: PrismaClient,
  actor: Actor,
  org: { id: string; code: string },
): Promise<Buffer> {
  const learners = await db.user.count({ where: organisationLearners(org.id) });
  await recordAudit(db, actor, {
    action: "ORGANISATION_EXPORT",
    target: org.id,
    detail: `结束合作数据导出 ${org.code}`,
    rows: learners,
  });
  const pack = await readPack(db, org.id);
  return toXlsxBook([
    xlsxSheet("学员", learnerColumns, pack.learners),
    xlsxSheet("班级成员", membershipColumns, pack.memberships),
    xlsxSheet("课时完成", lessonColumns, pack.lessons),
    xlsxSheet("测验成绩", attemptColumns, pack.attempts),
    xlsxSheet("证书", certificateColumns, pack.certificates),
    xlsxSheet("导出记录", exportColumns, pack.exports),
  ]);
}
