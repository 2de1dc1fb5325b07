// 行动计划 rules against a fixed clock: when the 30/60/90-day check-in is due, which actions it
// asks about, the status rules of a report, the plan form's field errors, and the cohort figures
// against hand-computed ones.
import { describe, expect, it } from "vitest";
import { checkInDue, followedUpAt, nextRound, type PlanLike } from "@/lib/action-plans/rules";
import { actionPlanSchema, checkInSchema, parseBeijingDate, parseFigure } from "@/lib/action-plans/schema";
import { choiceFromQuery, describeChoice } from "@/lib/action-plans/exercise";
import { share, summarisePlans } from "@/lib/action-plans/summary";

const DAY = 86_400_000;
const FILED = new Date("2026-03-01T02:00:00Z");
const at = (days: number, hours = 0) => new Date(FILED.getTime() + days * DAY + hours * 3_600_000);

const plan = (checkIns: PlanLike["actions"][number]["checkIns"][] = [[], []]): PlanLike => ({
  filedAt: FILED,
  actions: checkIns.map((c, i) => ({ id: `a${i}`, checkIns: c })),
});

describe("when a check-in is due", () => {
  it("asks nothing before day 30, and the day-30 round from the very moment it arrives", () => {
    expect(checkInDue(plan(), at(29, 23))).toBeNull();
    expect(checkInDue(plan(), at(30))).toEqual({ round: 30, dueAt: at(30), actionIds: ["a0", "a1"] });
  });

  it("keeps a late day-30 round open until day 60, then asks only for day 60", () => {
    expect(checkInDue(plan(), at(59))?.round).toBe(30);
    expect(checkInDue(plan(), at(60))?.round).toBe(60);
    expect(checkInDue(plan(), at(400))?.round).toBe(90);
  });

  it("asks nothing once the round is answered, and tells the next round's day", () => {
    const answered = plan([[{ round: 30, status: "IN_PROGRESS" }], [{ round: 30, status: "NOT_STARTED" }]]);
    expect(checkInDue(answered, at(45))).toBeNull();
    expect(nextRound(answered, at(45))).toEqual({ round: 60, arrivesAt: at(60) });
  });

  it("leaves done and abandoned actions out of later rounds, and a plan all closed asks nothing more", () => {
    const oneDone = plan([[{ round: 30, status: "DONE" }], [{ round: 30, status: "IN_PROGRESS" }]]);
    expect(checkInDue(oneDone, at(61))?.actionIds).toEqual(["a1"]);
    const allClosed = plan([[{ round: 30, status: "DONE" }], [{ round: 30, status: "ABANDONED" }]]);
    expect(checkInDue(allClosed, at(91))).toBeNull();
    expect(nextRound(allClosed, at(31))).toBeNull();
  });

  it("counts a plan followed up at a round when reported then, or when all its actions closed before", () => {
    const closedAt30 = plan([[{ round: 30, status: "DONE" }]]);
    expect(followedUpAt(closedAt30, 60)).toBe(true);
    const skipped30 = plan([[{ round: 60, status: "IN_PROGRESS" }]]);
    expect(followedUpAt(skipped30, 30)).toBe(false);
    expect(followedUpAt(skipped30, 60)).toBe(true);
  });
});

describe("a check-in report", () => {
  const parse = (form: Record<string, string>) => checkInSchema.safeParse({ round: "30", ...form });
  const errors = (form: Record<string, string>) => {
    const r = parse(form);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("needs the result figure for 完成", () => {
    expect(errors({ status_x: "DONE" })).toEqual({ result_x: "已完成的行动请填写实际结果数值" });
    expect(parse({ status_x: "DONE", result_x: "４５" }).data?.reports).toEqual([
      { actionId: "x", status: "DONE", result: 45, obstacles: "" },
    ]);
  });

  it("needs what got in the way for 未开始 and 放弃, not for 进行中", () => {
    expect(errors({ status_x: "NOT_STARTED" })).toEqual({ obstacles_x: "请写明是什么让行动还没开始" });
    expect(errors({ status_x: "ABANDONED" })).toEqual({ obstacles_x: "请写明放弃的原因" });
    expect(parse({ status_x: "IN_PROGRESS" }).success).toBe(true);
  });

  it("refuses a missing status and a result that is not a number", () => {
    expect(errors({ status_x: "", result_x: "很多" })).toEqual({
      status_x: "请选择这项行动的进展",
      result_x: "请填写数字，如 42 或 12.5",
    });
  });
});

describe("the plan form", () => {
  const now = new Date("2026-03-01T02:00:00Z");
  const errors = (form: Record<string, string>) => {
    const r = actionPlanSchema(now).safeParse(form);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };
  const good = {
    a1Tool: "DAILY_REPORT",
    a1Description: "每天看动卡报表",
    a1Metric: "ACTIVE_CARD_RATE",
    a1Baseline: "38",
    a1Target: "45%",
    a1DueOn: "2026-06-30",
  };

  it("needs at least one action", () => {
    expect(errors({})).toEqual({ a1Tool: "请至少填写一项行动" });
  });

  it("takes one action, ignores empty slots and reads the due date as Beijing midnight", () => {
    const r = actionPlanSchema(now).parse(good);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ tool: "DAILY_REPORT", baseline: 38, target: 45, merchant: null });
    expect(r[0]!.dueOn.toISOString()).toBe("2026-06-29T16:00:00.000Z");
  });

  it("names each missing or wrong field of a slot in Chinese", () => {
    expect(errors({ a2Tool: "PARTNERSHIP", a2Metric: "OTHER", a2Baseline: "120", a2Target: "120" })).toEqual({
      a2Merchant: "银商合作方案请填写一家真实商户的名称",
      a2Description: "请写明具体要做什么",
      a2MetricName: "选择“其他”时请填写指标名称",
      a2Target: "目标值应与基线不同",
      a2DueOn: "请选择完成日期",
    });
    expect(errors({ ...good, a1Baseline: "120" })).toEqual({ a1Baseline: "活卡率是百分比，请填写 0 到 100 之间的数" });
    expect(errors({ ...good, a1DueOn: "2026-02-28" })).toEqual({ a1DueOn: "完成日期应在今天到一年之内" });
  });

  it("accepts today's Beijing date, and rejects a date that does not exist", () => {
    // 2026-03-01T02:00Z is 10:00 on 1 March in Beijing.
    expect(errors({ ...good, a1DueOn: "2026-03-01" })).toEqual({});
    expect(parseBeijingDate("2026-02-30")).toBeNull();
    expect(parseFigure("1,200")).toBe(1200);
  });

  it("keeps the 银商合作 exercise's choice with the action it prefilled", () => {
    const choice = choiceFromQuery({
      bankEffort: "targeted-slot",
      sharedGain: "split-cost",
      customerBenefit: "instant-discount",
    })!;
    expect(describeChoice(choice)).toContain("银行出力：");
    const r = actionPlanSchema(now).parse({
      ...good,
      a1Tool: "PARTNERSHIP",
      a1Merchant: "城东生鲜超市",
      a1Exercise: JSON.stringify(choice),
    });
    expect(r[0]!.exercise).toEqual(choice);
    expect(choiceFromQuery({ bankEffort: "made-up", sharedGain: "split-cost", customerBenefit: "x" })).toBeNull();
  });
});

describe("a cohort's figures", () => {
  it("match a hand count", () => {
    const now = at(65);
    const plans: PlanLike[] = [
      // Day 65: reported at 30 (one action done), not at 60.
      plan([[{ round: 30, status: "DONE" }], [{ round: 30, status: "IN_PROGRESS" }]]),
      // Day 65: skipped 30, reported 60 (done).
      plan([[{ round: 60, status: "DONE" }]]),
      // Filed on day 40: only its day-30 round has come, unanswered.
      { filedAt: at(40), actions: [{ id: "c", checkIns: [] }] },
    ];
    const s = summarisePlans(10, plans, now);
    expect(s).toEqual({
      members: 10,
      filed: 3,
      rounds: [
        { round: 30, eligible: 2, followed: 1 },
        { round: 60, eligible: 2, followed: 1 },
        { round: 90, eligible: 0, followed: 0 },
      ],
      actions: 4,
      actionsDone: 2,
    });
    expect(share(s.filed, s.members)).toBe("30%");
    expect(share(0, 0)).toBe("—");
  });
});
