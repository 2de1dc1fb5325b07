import { describe, expect, it } from "vitest";
import { deadlineFor, GRACE_MS, isOverdue } from "@/lib/quiz/deadline";
import { questionsForAttempt } from "@/lib/quiz/draw";
import { examWindowSchema } from "@/lib/quiz/exam-forms";
import { windowState, windowsReleaseAnswers } from "@/lib/quiz/exam-window";

const at = (hhmm: string) => new Date(`2026-03-18T${hhmm}:00+08:00`);

describe("the deadline of a timed attempt", () => {
  it("is the start plus the limit, never later than the window's close, and none when untimed", () => {
    expect(deadlineFor(at("09:00"), 30, null)).toEqual(at("09:30"));
    expect(deadlineFor(at("09:00"), 30, at("09:20"))).toEqual(at("09:20"));
    expect(deadlineFor(at("09:00"), 30, at("12:00"))).toEqual(at("09:30"));
    expect(deadlineFor(at("09:00"), null, at("12:00"))).toEqual(at("12:00"));
    expect(deadlineFor(at("09:00"), null, null)).toBeNull();
  });

  it("is overdue only after the grace", () => {
    const deadline = at("09:30");
    expect(isOverdue(deadline, new Date(deadline.getTime() + GRACE_MS))).toBe(false);
    expect(isOverdue(deadline, new Date(deadline.getTime() + GRACE_MS + 1))).toBe(true);
    expect(isOverdue(null, at("23:59"))).toBe(false);
  });
});

describe("a learner's exam windows", () => {
  const morning = { opensAt: at("09:00"), closesAt: at("10:00") };
  const makeUp = { opensAt: at("14:00"), closesAt: at("15:00") };
  it("is open in any window, else says the next opening, else the last close", () => {
    expect(windowState([], at("09:30"))).toEqual({ kind: "none" });
    expect(windowState([morning, makeUp], at("08:00"))).toEqual({ kind: "before", opensAt: at("09:00") });
    expect(windowState([morning, makeUp], at("09:30"))).toEqual({ kind: "open", closesAt: at("10:00") });
    expect(windowState([morning, makeUp], at("11:00"))).toEqual({ kind: "before", opensAt: at("14:00") });
    expect(windowState([morning, makeUp], at("15:00"))).toEqual({ kind: "after", closesAt: at("15:00") });
  });

  it("releases the answers only once every window has closed; no window leaves it to the quiz", () => {
    expect(windowsReleaseAnswers([], at("09:30"))).toBeNull();
    expect(windowsReleaseAnswers([morning, makeUp], at("11:00"))).toBe(false);
    expect(windowsReleaseAnswers([morning, makeUp], at("15:00"))).toBe(false); // the last answers' grace
    expect(windowsReleaseAnswers([morning, makeUp], at("15:01"))).toBe(true);
  });

  it("the trainer's form takes both times or neither, the close after the opening", () => {
    const parse = (opensAt: string, closesAt: string) =>
      examWindowSchema.safeParse({ cohortId: "c1", opensAt, closesAt });
    expect(parse("2026-03-18T09:00", "2026-03-18T10:00")).toMatchObject({
      success: true,
      data: { opensAt: at("09:00"), closesAt: at("10:00") },
    });
    expect(parse("", "")).toMatchObject({ success: true, data: { opensAt: null, closesAt: null } });
    expect(parse("2026-03-18T09:00", "").error?.issues[0]).toMatchObject({ path: ["closesAt"] });
    expect(parse("2026-03-18T09:00", "2026-03-18T08:00").error?.issues[0]?.message).toBe("截止时间须晚于开放时间");
    expect(parse("tomorrow", "").error?.issues[0]?.message).toBe("开放时间格式不正确");
  });
});

describe("an attempt's questions", () => {
  const pool = ["a", "b", "c"].flatMap((module) =>
    Array.from({ length: 6 }, (_, i) => ({ id: `${module}${i}`, module })),
  );
  it("are the same for the same attempt id and differ between attempts", () => {
    const rule = { count: 9, minPerModule: 2 };
    expect(questionsForAttempt(pool, rule, true, "attempt-1")).toEqual(
      questionsForAttempt(pool, rule, true, "attempt-1"),
    );
    const sets = new Set(Array.from({ length: 20 }, (_, i) => questionsForAttempt(pool, rule, true, `a${i}`).join()));
    expect(sets.size).toBeGreaterThan(15);
    expect(questionsForAttempt(pool, null, false, "x")).toEqual(pool.map((q) => q.id));
  });
});
