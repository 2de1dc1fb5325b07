// The 结项报告's arithmetic against a fixture worked out by hand (the working is in the comments),
// and the .xlsx pack's sheets read back with exceljs.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsxBook } from "@/lib/export/tabular";
import type { GainRow } from "@/lib/knowledge-gain/gain";
import {
  addPlanFigures,
  endsOf,
  figuresByGroup,
  figuresOf,
  funnelOf,
  isReaderTag,
  poolGainRows,
  poolNps,
  poolTopics,
  satisfactionByBranch,
  topFindings,
  topicsByBranch,
  type Finding,
  type ReportLearner,
} from "@/lib/reports/figures";
import type { CohortParts } from "@/lib/reports/load";
import { composeReport } from "@/lib/reports/report";
import { reportSheets } from "@/lib/reports/workbook";

const learner = (over: Partial<ReportLearner>): ReportLearner => ({
  branch: "",
  department: "",
  started: false,
  allModulesDone: false,
  finalBest: null,
  finalPassed: false,
  completed: false,
  certified: false,
  sessions: 2,
  attended: 0,
  classroomHours: 0,
  onlineHours: 0,
  ...over,
});

// Five learners, two sessions each.
const done = { started: true, allModulesDone: true };
const L: ReportLearner[] = [
  learner({
    branch: "华东",
    department: "一部",
    ...done,
    finalBest: 90,
    finalPassed: true,
    completed: true,
    certified: true,
    attended: 2,
    classroomHours: 8,
    onlineHours: 4,
  }),
  learner({
    branch: "华东",
    department: "一部",
    ...done,
    finalBest: 60,
    attended: 1,
    classroomHours: 4,
    onlineHours: 4,
  }),
  learner({ branch: "华东", department: "二部", started: true, onlineHours: 1.5 }),
  learner({ branch: "华南" }),
  // Completed the course; the certificate was revoked afterwards.
  learner({
    branch: "华南",
    ...done,
    finalBest: 80,
    finalPassed: true,
    completed: true,
    certified: false,
    attended: 2,
    classroomHours: 8,
    onlineHours: 4,
  }),
];

describe("report figures", () => {
  it("adds up the whole cohort", () => {
    expect(figuresOf(L)).toEqual({
      branch: "",
      department: "",
      learners: 5,
      started: 4,
      allModulesDone: 3,
      finalTakers: 3,
      finalPassed: 2,
      completed: 2,
      // The revoked certificate still completed the course, but is no valid certificate.
      certified: 1,
      passRate: 2 / 3,
      // (90 + 60 + 80) / 3 = 76.67
      averageFinal: 76.7,
      // (2 + 1 + 0 + 0 + 2) / (5 × 2)
      attendanceRate: 0.5,
      // (20 + 13.5) / 5 = 6.7; 20 / 5 = 4; 13.5 / 5 = 2.7
      averageHours: 6.7,
      averageClassroomHours: 4,
      averageOnlineHours: 2.7,
    });
  });

  it("breaks it down by 分行 and 部门, in pinyin order", () => {
    const g = figuresByGroup(L);
    // 华东 (dong) before 华南 (nan); 二部 (er) before 一部 (yi).
    expect(g.map((x) => [x.branch, x.department, x.learners])).toEqual([
      ["华东", "二部", 1],
      ["华东", "一部", 2],
      ["华南", "", 2],
    ]);
    expect(g[0]).toMatchObject({
      finalTakers: 0,
      passRate: null,
      averageFinal: null,
      attendanceRate: 0,
      averageHours: 1.5,
    });
    // 一部: pass 1 of 2, attended 3 of 4, hours (12 + 8) / 2.
    expect(g[1]).toMatchObject({ passRate: 0.5, averageFinal: 75, attendanceRate: 0.75, averageHours: 10 });
    expect(g[2]).toMatchObject({ started: 1, passRate: 1, attendanceRate: 0.5, averageHours: 6 });
    // Without any 分行 or 部门 on the roster there is no breakdown to show.
    expect(figuresByGroup([learner({}), learner({})])).toEqual([]);
  });

  it("builds the completion funnel as shares of the enrolled", () => {
    const f = funnelOf(figuresOf(L));
    expect(f.map((s) => s.key)).toEqual([
      "enrolled",
      "started",
      "allModules",
      "finalTaken",
      "finalPassed",
      "completed",
      "certified",
    ]);
    expect(f.map((s) => s.count)).toEqual([5, 4, 3, 3, 2, 2, 1]);
    expect(f.map((s) => s.share)).toEqual([1, 0.8, 0.6, 0.6, 0.4, 0.4, 0.2]);
    expect(funnelOf(figuresOf([]))[0]!.share).toBeNull();
  });

  it("pools knowledge gain over cohorts by questions, not by averaging percentages", () => {
    const row = (learners: number, pre: [number, number], post: [number, number]): GainRow => ({
      key: "全部",
      learners,
      pre: { correct: pre[0], total: pre[1], percent: null },
      post: { correct: post[0], total: post[1], percent: null },
      gain: null,
    });
    // 40/150 = 26.7%, 100/150 = 66.7%: +40.0 (averaging the cohorts' 30%/20% and 60%/80% would say +45).
    expect(poolGainRows([row(10, [30, 100], [60, 100]), row(5, [10, 50], [40, 50])])).toEqual([
      {
        key: "全部",
        learners: 15,
        pre: { correct: 40, total: 150, percent: 26.7 },
        post: { correct: 100, total: 150, percent: 66.7 },
        gain: 40,
      },
    ]);
  });

  it("pools topic mastery and NPS, weakest topic first", () => {
    expect(
      poolTopics([
        { tag: "客群经营", cohorts: { a: { correct: 1, total: 1 } } },
        { tag: "空", cohorts: {} },
        { tag: "指标", cohorts: { a: { correct: 3, total: 4 }, b: { correct: 1, total: 4 } } },
      ]),
    ).toEqual([
      { tag: "指标", correct: 4, total: 8, share: 0.5 },
      { tag: "客群经营", correct: 1, total: 1, share: 1 },
      { tag: "空", correct: 0, total: 0, share: null },
    ]);
    // 6 promoters and 5 detractors of 15: (6 − 5) / 15 = 6.7.
    expect(
      poolNps([
        { n: 10, promoters: 5, passives: 3, detractors: 2, score: 30 },
        null,
        { n: 5, promoters: 1, passives: 1, detractors: 3, score: -40 },
      ]),
    ).toEqual({ n: 15, promoters: 6, passives: 4, detractors: 5, score: 6.7 });
    expect(poolNps([null])).toBeNull();
  });

  it("adds action-plan figures round by round", () => {
    const a = {
      members: 10,
      filed: 8,
      rounds: [
        { round: 30 as const, eligible: 8, followed: 6 },
        { round: 60 as const, eligible: 5, followed: 2 },
      ],
      actions: 16,
      actionsDone: 4,
    };
    const b = {
      members: 5,
      filed: 2,
      rounds: [{ round: 30 as const, eligible: 2, followed: 2 }],
      actions: 3,
      actionsDone: 1,
    };
    expect(addPlanFigures([a, b], "华东")).toEqual({
      branch: "华东",
      members: 15,
      filed: 10,
      rounds: [
        { round: 30, eligible: 10, followed: 8 },
        { round: 60, eligible: 5, followed: 2 },
      ],
      actions: 19,
      actionsDone: 5,
    });
  });

  it("puts problems before reviews, then the hardest questions, and leaves unflagged ones out", () => {
    const finding = (prompt: string, facility: number, level: "problem" | "review" | null): Finding => ({
      cohortName: "班",
      quizTitle: "结业测评",
      prompt,
      responses: 20,
      facility,
      discrimination: 0.1,
      flags: level ? [{ level, text: "…" }] : [],
    });
    const list = [
      finding("偏难", 0.2, "review"),
      finding("答案存疑", 0.5, "problem"),
      finding("正常", 0.6, null),
      finding("最难", 0.1, "review"),
    ];
    expect(topFindings(list).map((f) => f.prompt)).toEqual(["答案存疑", "最难", "偏难"]);
    expect(topFindings(list, 1)).toHaveLength(1);
  });
});

describe("report figures by 分行", () => {
  it("gives each 分行 the programme's weakest topics and its own, pooled over cohorts", () => {
    const rows = [
      { branch: "华东", tag: "风险", correct: 3, total: 10 },
      { branch: "华东", tag: "风险", correct: 1, total: 10 }, // a second cohort: 4/20
      { branch: "华东", tag: "获客", correct: 8, total: 10 },
      { branch: "华东", tag: "指标", correct: 1, total: 2 }, // too few answers to rank
      { branch: "华南", tag: "风险", correct: 6, total: 10 },
      { branch: "华南", tag: "获客", correct: 2, total: 5 },
    ];
    const b = topicsByBranch(rows, ["风险", "获客", "空"]);
    // 华东 (dong) before 华南 (nan).
    expect(b.map((x) => x.branch)).toEqual(["华东", "华南"]);
    expect(b[0]!.focus).toEqual([
      { tag: "风险", correct: 4, total: 20, share: 0.2 },
      { tag: "获客", correct: 8, total: 10, share: 0.8 },
      { tag: "空", correct: 0, total: 0, share: null },
    ]);
    expect(b[0]!.weakest.map((t) => t.tag)).toEqual(["风险", "获客"]);
    expect(b[0]!.all.map((t) => [t.tag, t.share])).toEqual([
      ["风险", 0.2],
      ["指标", 0.5],
      ["获客", 0.8],
    ]);
    // 华南: 2/5 = 0.4 before 6/10 = 0.6.
    expect(b[1]!.weakest.map((t) => [t.tag, t.share])).toEqual([
      ["获客", 0.4],
      ["风险", 0.6],
    ]);
    expect(topicsByBranch([{ branch: "", tag: "风险", correct: 1, total: 2 }], ["风险"])).toEqual([]);
  });

  const sections = (a: [number, number], b: [number, number]) => [
    { title: "课程内容", sum: a[0], n: a[1] },
    { title: "讲师", sum: b[0], n: b[1] },
  ];
  const nps = (n: number, promoters: number, detractors: number) => ({
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: null,
  });

  it("pools satisfaction per 分行 and hides 分行 under five answers, and one more when the rest would give them away", () => {
    const rows = satisfactionByBranch(
      [
        { branch: "华东", responses: 6, sections: sections([48, 12], [27, 6]), nps: nps(6, 3, 1) },
        { branch: "华东", responses: 2, sections: sections([6, 4], [10, 2]), nps: nps(2, 0, 1) },
        { branch: "华南", responses: 5, sections: sections([35, 10], [20, 5]), nps: nps(5, 1, 1) },
        { branch: "杭州", responses: 3, sections: sections([12, 6], [9, 3]), nps: nps(3, 3, 0) },
      ],
      new Map([
        ["华东", 20],
        ["华南", 6],
        ["杭州", 4],
        ["南京", 3],
      ]),
    );
    // Pinyin order: 杭州 (hang), 华东 (hua dong), 华南 (hua nan), 南京 (nan).
    expect(rows.map((r) => [r.branch, r.hidden])).toEqual([
      ["杭州", "small"],
      ["华东", null],
      // 杭州's 3 answers (南京 gave none) could be worked out from the whole and the other
      // 分行: the smallest shown one, 华南 with 5, is hidden too, so 8 answers stay pooled.
      ["华南", "complement"],
      ["南京", "small"],
    ]);
    // 华东 over both runs: (48 + 6) / 16 = 3.375 → 3.38; (27 + 10) / 8 = 4.625 → 4.63;
    // NPS (3 − 2) / 8 = 12.5.
    expect(rows[1]).toEqual({
      branch: "华东",
      invited: 20,
      hidden: null,
      responses: 8,
      sections: [
        { title: "课程内容", average: 3.38 },
        { title: "讲师", average: 4.63 },
      ],
      nps: { n: 8, promoters: 3, passives: 3, detractors: 2, score: 12.5 },
    });
    // A hidden row carries no figures at all, not even its count.
    expect(rows[0]).toEqual({
      branch: "杭州",
      invited: 4,
      hidden: "small",
      responses: null,
      sections: [
        { title: "课程内容", average: null },
        { title: "讲师", average: null },
      ],
      nps: null,
    });
    expect(rows[2]!.responses).toBeNull();
  });

  it("hides nothing more when the hidden 分行 gave no answers or enough of them, and nothing without 分行", () => {
    const t = (branch: string, responses: number) => ({
      branch,
      responses,
      sections: sections([responses * 4, responses], [0, 0]),
      nps: null,
    });
    expect(
      satisfactionByBranch(
        [t("华东", 5), t("华南", 7)],
        new Map([
          ["华东", 9],
          ["华南", 9],
          ["南京", 2],
        ]),
      ).map((r) => [r.branch, r.hidden]),
    ).toEqual([
      ["华东", null],
      ["华南", null],
      ["南京", "small"],
    ]);
    // Two small 分行 holding 5 answers between them: nothing else needs hiding.
    expect(satisfactionByBranch([t("华东", 2), t("华南", 3), t("南京", 6)], new Map()).map((r) => r.hidden)).toEqual([
      "small",
      "small",
      null,
    ]);
    expect(satisfactionByBranch([t("", 9)], new Map([["", 9]]))).toEqual([]);
  });
});

describe("ends of a ranked list", () => {
  it("keeps the head and the tail and says how many were left out", () => {
    const list = [1, 2, 3, 4, 5, 6, 7];
    expect(endsOf(list, 2, 1)).toEqual({ shown: [1, 2, 7], left: 4 });
    expect(endsOf(list, 4, 3)).toEqual({ shown: list, left: 0 });
  });

  it("shows readers the Chinese topic tags, not the internal ones", () => {
    expect(["银商合作", "case:citic-credit-card", "ecosystem", "KPI 口径"].filter(isReaderTag)).toEqual([
      "银商合作",
      "KPI 口径",
    ]);
  });
});

describe("report workbook", () => {
  it("has one sheet per section, with the figures in them", async () => {
    const parts: CohortParts = {
      learners: L,
      sessions: 2,
      gain: {
        preTakers: 0,
        postTakers: 0,
        both: 0,
        overall: {
          key: "全部",
          learners: 0,
          pre: { correct: 0, total: 0, percent: null },
          post: { correct: 0, total: 0, percent: null },
          gain: null,
        },
        byTag: [],
        byBranch: [],
      },
      satisfaction: [
        {
          cohortName: "第一期",
          surveyTitle: "训后满意度调查",
          closesAt: new Date("2026-06-10T10:00:00Z"),
          anonymous: true,
          responses: 5,
          members: 5,
          visible: true,
          sections: [{ title: "课程内容", average: 4 }],
          nps: null,
          verbatims: [],
          // 3 and 2 answers: each 分行 under five, so neither is shown on its own.
          byBranch: [
            { branch: "华东", responses: 3, sections: [{ title: "课程内容", sum: 12, n: 3 }], nps: null },
            { branch: "华南", responses: 2, sections: [{ title: "课程内容", sum: 8, n: 2 }], nps: null },
          ],
        },
      ],
      plans: { members: 5, filed: 0, rounds: [], actions: 0, actionsDone: 0 },
      plansByBranch: [],
      examplePlans: [],
      findings: [],
    };
    const report = composeReport(
      "cohort",
      { id: "o", name: "东方示范银行", logo: null },
      [{ cohort: { id: "c", name: "第一期", startsOn: null, endsOn: null, trainer: { name: "李强" } }, parts }],
      [
        { cohortId: "c", branch: "华东", tag: "风险", correct: 3, total: 10 },
        { cohortId: "c", branch: "华东", tag: "获客", correct: 8, total: 10 },
        { cohortId: "c", branch: "华南", tag: "风险", correct: 6, total: 10 },
        { cohortId: "c", branch: "华南", tag: "case:internal", correct: 0, total: 10 },
        { cohortId: "c", branch: "华南", tag: "套现", correct: 0, total: 2 },
      ],
      new Date("2026-06-20T04:00:00Z"),
      "示范管理咨询有限公司",
    );
    // The whole is its 分行 added up (9/20), the internal tag left out.
    expect(report.topics).toEqual([
      { tag: "套现", correct: 0, total: 2, share: 0 },
      { tag: "风险", correct: 9, total: 20, share: 0.45 },
      { tag: "获客", correct: 8, total: 10, share: 0.8 },
    ]);
    // Every 分行 row reports on the weakest topics met at least 5 times: 套现's 2 answers are noise.
    expect(report.topicsByBranch.map((b) => [b.branch, b.focus.map((t) => t.tag)])).toEqual([
      ["华东", ["风险", "获客"]],
      ["华南", ["风险", "获客"]],
    ]);
    expect(report.consultancyName).toBe("示范管理咨询有限公司");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsxBook(reportSheets(report))) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "概况",
      "报名与出勤",
      "学习完成漏斗",
      "训前训后知识提升",
      "结业测评通过率",
      "知识点掌握",
      "知识点掌握（按分行）",
      "满意度",
      "满意度（按分行）",
      "学员反馈原文",
      "行动计划跟进",
      "行动计划示例",
      "试题分析要点",
    ]);
    const rowsOf = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(rowsOf("知识点掌握（按分行）")).toEqual([
      ["华东", "风险", 10, 3, 0.3],
      ["华东", "获客", 10, 8, 0.8],
      ["华南", "套现", 2, 0, 0],
      ["华南", "风险", 10, 6, 0.6],
    ]);
    // No figures for a 分行 under five answers, only why (column G: 说明).
    const bySat = book.getWorksheet("满意度（按分行）")!;
    expect([bySat.getCell("A2").value, bySat.getCell("B2").value, bySat.getCell("D2").value]).toEqual([
      "华东",
      null,
      null,
    ]);
    expect([bySat.getCell("F1").value, bySat.getCell("F2").value, bySat.getCell("F3").value]).toEqual([
      "说明",
      "人数不足 5 人，不单列",
      "人数不足 5 人，不单列",
    ]);
    // 结业 2, 持有效证书 1 (the revoked one left out), in the funnel and the pass sheet.
    expect(book.getWorksheet("学习完成漏斗")!.getCell("B8").value).toBe(1);
    expect(book.getWorksheet("学习完成漏斗")!.getCell("A8").value).toBe("持有效证书");
    const pass = book.getWorksheet("结业测评通过率")!;
    // Row 2 is the whole cohort: 3 took the final, 2 passed.
    expect([pass.getCell("A2").value, pass.getCell("E2").value, pass.getCell("F2").value]).toEqual(["合计", 3, 2]);
    expect([pass.getCell("K1").value, pass.getCell("K2").value]).toEqual(["持有效证书（人）", 1]);
    expect(book.getWorksheet("概况")!.getCell("B3").value).toBe("东方示范银行");
    // The consultancy as an admin named the certificates' issuer.
    expect(book.getWorksheet("概况")!.getCell("B4").value).toBe("示范管理咨询有限公司");
    expect(book.getWorksheet("概况")!.getCell("B6").value).toBe("2026-06-20 12:00");
  });
});
