// The matrix, its export and the per-branch table filter and group by 分行 and 部门 from the roster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBranchBreakdown } from "@/lib/dashboard/branch-breakdown";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { DEFAULT_QUERY } from "@/lib/dashboard/params";
import { getProgressMatrix, getProgressMatrixAll } from "@/lib/dashboard/progress-matrix";
import { testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

const shape: CourseShape = {
  modules: [{ slug: "m1", number: 1, title: "模块一", lessons: ["a"], quizId: null, quizTitle: null }],
  finalQuizId: "fin",
};

let t: TestDb;
let cohortId = "";

beforeAll(async () => {
  t = await createTestDb();
  const organisationId = await testOrganisationId(t.db);
  const trainer = await t.db.user.create({
    data: { email: "t@b.cn", name: "培训师", passwordHash: "x", role: "TRAINER" },
    select: { id: true },
  });
  cohortId = (
    await t.db.cohort.create({
      data: { name: "班", inviteCode: "BRAN0001", trainerId: trainer.id, organisationId },
      select: { id: true },
    })
  ).id;
  const people = [
    ["甲", "0001", "上海分行", "信用卡部", true],
    ["乙", "0002", "上海分行", "零售部", false],
    ["丙", "0003", "杭州分行", "信用卡部", true],
    ["丁", "0004", null, null, false],
  ] as const;
  for (const [name, employeeNo, branch, department, done] of people) {
    const u = await t.db.user.create({
      data: { name, employeeNo, branch, department, organisationId, passwordHash: "x" },
      select: { id: true },
    });
    await t.db.cohortMember.create({ data: { cohortId, userId: u.id } });
    if (done) await t.db.lessonProgress.create({ data: { userId: u.id, moduleSlug: "m1", lessonSlug: "a" } });
  }
});
afterAll(() => t.close());

describe("分行 and 部门", () => {
  it("filter the matrix (page and export alike)", async () => {
    const names = async (q: Partial<typeof DEFAULT_QUERY>) =>
      (await getProgressMatrix(t.db, shape, cohortId, { ...DEFAULT_QUERY, ...q })).rows.map((r) => r.name).sort();
    expect(await names({ branch: "上海分行" })).toEqual(["乙", "甲"]);
    expect(await names({ branch: "上海分行", dept: "信用卡部" })).toEqual(["甲"]);
    expect(await names({ dept: "信用卡部", sort: "progress" })).toEqual(["丙", "甲"]);
    expect(await names({ q: "0004" })).toEqual(["丁"]);
    const all = await getProgressMatrixAll(t.db, shape, cohortId, { ...DEFAULT_QUERY, branch: "杭州分行" });
    expect(all.map((r) => [r.name, r.employeeNo, r.branch, r.department])).toEqual([
      ["丙", "0003", "杭州分行", "信用卡部"],
    ]);
  });

  it("group the cohort's figures, adding up to the whole cohort", async () => {
    const rows = await getBranchBreakdown(t.db, shape, cohortId);
    expect(rows.map((r) => [r.branch, r.department, r.learners, r.started])).toEqual([
      ["", "", 1, 0],
      ["上海分行", "信用卡部", 1, 1],
      ["上海分行", "零售部", 1, 0],
      ["杭州分行", "信用卡部", 1, 1],
    ]);
    expect(rows.reduce((n, r) => n + r.learners, 0)).toBe(4);
  });
});
