// The counting rules of the classroom day: rotating signed tokens, 迟到, 学时.
import { describe, expect, it } from "vitest";
import {
  checkInStatus,
  checkInWindowProblem,
  classroomHours,
  meetsMinimum,
  onlineHours,
  registerLiveUntil,
  type CreditedRow,
} from "@/lib/attendance/rules";
import { beijingInstant, sessionSchema } from "@/lib/attendance/schema";
import {
  manualCode,
  matchesManualCode,
  readPass,
  screenCodes,
  signPass,
  signToken,
  verifyToken,
  windowOf,
  WINDOW_MS,
} from "@/lib/attendance/token";

const SECRET = "test-secret-test-secret-test-secret";
const T0 = Date.UTC(2026, 2, 5, 1, 0, 0); // 09:00 Beijing

describe("签到 tokens", () => {
  it("accepts a token for about a minute after it appears, then says it expired", () => {
    const token = signToken(SECRET, "sess1", windowOf(T0));
    expect(verifyToken(SECRET, token, T0)).toEqual({ ok: true, sessionId: "sess1", purpose: "in" });
    expect(verifyToken(SECRET, token, T0 + 40_000).ok).toBe(true);
    const late = T0 + 3 * WINDOW_MS;
    expect(verifyToken(SECRET, token, late)).toEqual({ ok: false, code: "EXPIRED" });
    expect(verifyToken(SECRET, token, T0 + 60_000 + WINDOW_MS)).toEqual({ ok: false, code: "EXPIRED" });
  });

  it("refuses a token signed with another secret, or altered", () => {
    const token = signToken(SECRET, "sess1", windowOf(T0));
    expect(verifyToken("another-secret-another-secret-xx", token, T0)).toEqual({ ok: false, code: "MALFORMED" });
    expect(verifyToken(SECRET, token.replace("sess1", "sess2"), T0)).toEqual({ ok: false, code: "MALFORMED" });
    expect(verifyToken(SECRET, "", T0).ok).toBe(false);
    expect(verifyToken(SECRET, "a.b.c", T0).ok).toBe(false);
  });

  it("refuses a token from far in the future (a clock cannot be wound forward)", () => {
    const token = signToken(SECRET, "sess1", windowOf(T0) + 5);
    expect(verifyToken(SECRET, token, T0)).toEqual({ ok: false, code: "EXPIRED" });
  });

  it("rotates: a new token and a new 6-digit code every window", () => {
    const codes = screenCodes(SECRET, "sess1", T0, "in", 4);
    expect(new Set(codes.map((c) => c.token)).size).toBe(4);
    for (const c of codes) expect(c.code).toMatch(/^\d{6}$/);
    expect(codes[1]!.from).toBe(codes[0]!.until);
    expect(codes[0]!.code).toBe(manualCode(SECRET, "sess1", windowOf(T0)));
  });

  it("accepts the manual code of a window still open, and not of another session or purpose", () => {
    const code = manualCode(SECRET, "sess1", windowOf(T0));
    expect(matchesManualCode(SECRET, "sess1", code, T0 + 30_000)).toBe(true);
    expect(matchesManualCode(SECRET, "sess1", code, T0 + 5 * WINDOW_MS)).toBe(false);
    expect(matchesManualCode(SECRET, "sess2", code, T0)).toBe(code === manualCode(SECRET, "sess2", windowOf(T0)));
    const out = manualCode(SECRET, "sess1", windowOf(T0), "out");
    expect(matchesManualCode(SECRET, "sess1", out, T0, "out")).toBe(true);
  });

  it("keeps the scan time in a signed pass for 15 minutes", () => {
    const pass = signPass(SECRET, "sess1", "in", T0);
    expect(readPass(SECRET, pass, T0 + 60_000)).toEqual({ sessionId: "sess1", purpose: "in", scannedAt: new Date(T0) });
    expect(readPass(SECRET, pass, T0 + 16 * 60_000)).toBeNull();
    expect(readPass(SECRET, pass.replace(String(T0), String(T0 + 1)), T0)).toBeNull();
  });
});

describe("迟到 rule", () => {
  const session = { startsAt: new Date(T0), endsAt: new Date(T0 + 3 * 3_600_000), graceMinutes: 10 };
  it("is 出勤 up to the grace minutes after the start, 迟到 after", () => {
    expect(checkInStatus(session, new Date(T0 - 20 * 60_000))).toBe("PRESENT");
    expect(checkInStatus(session, new Date(T0 + 10 * 60_000))).toBe("PRESENT");
    expect(checkInStatus(session, new Date(T0 + 10 * 60_000 + 1_000))).toBe("LATE");
    expect(checkInStatus({ ...session, graceMinutes: 0 }, new Date(T0 + 1_000))).toBe("LATE");
  });
  it("opens 签到 two hours before the start and closes it at the end", () => {
    expect(checkInWindowProblem(session, new Date(T0 - 3 * 3_600_000), "in")).toBe("NOT_OPEN");
    expect(checkInWindowProblem(session, new Date(T0 - 3_600_000), "in")).toBeNull();
    expect(checkInWindowProblem(session, new Date(T0 + 4 * 3_600_000), "in")).toBe("CLOSED");
    expect(checkInWindowProblem(session, new Date(T0 + 3.5 * 3_600_000), "out")).toBeNull();
  });
});

describe("学时", () => {
  const row = (r: Partial<CreditedRow>): CreditedRow => ({
    creditHours: 3,
    signOutRequired: false,
    status: "PRESENT",
    signedOutAt: null,
    markedByHand: false,
    ...r,
  });
  it("sums attended sessions; 迟到 counts; 请假 and 缺勤 do not", () => {
    expect(
      classroomHours([
        row({}),
        row({ status: "LATE", creditHours: 3.5 }),
        row({ status: "LEAVE" }),
        row({ status: "ABSENT" }),
      ]),
    ).toBe(6.5);
  });
  it("credits a half day that asks for 签退 only with a sign-out, or the trainer's mark", () => {
    expect(classroomHours([row({ signOutRequired: true })])).toBe(0);
    expect(classroomHours([row({ signOutRequired: true, signedOutAt: new Date(T0) })])).toBe(3);
    expect(classroomHours([row({ signOutRequired: true, markedByHand: true })])).toBe(3);
  });
  it("counts online reading time at 45 minutes a 学时, rounded down to 0.1", () => {
    expect(onlineHours(0)).toBe(0);
    expect(onlineHours(45)).toBe(1);
    expect(onlineHours(100)).toBe(2.2);
  });
  it("meets a minimum attendance by share of all sessions; none scheduled is not met", () => {
    expect(meetsMinimum(0, 0, null)).toBe(true);
    expect(meetsMinimum(3, 4, 75)).toBe(true);
    expect(meetsMinimum(2, 4, 75)).toBe(false);
    expect(meetsMinimum(0, 0, 50)).toBe(false);
  });
});

describe("session form", () => {
  it("reads Beijing wall-clock times as instants", () => {
    expect(beijingInstant("2026-03-05", "09:00").toISOString()).toBe("2026-03-05T01:00:00.000Z");
    expect(beijingInstant("2026-03-05", "07:30").toISOString()).toBe("2026-03-04T23:30:00.000Z");
  });
  it("refuses an end before the start and 学时 that are not halves, with Chinese field messages", () => {
    const r = sessionSchema.safeParse({
      cohortId: "c1",
      title: "第一天上午",
      date: "2026-02-30",
      startTime: "13:00",
      endTime: "12:00",
      venue: "培训中心 301",
      trainerName: "李强",
      creditHours: "1.3",
      graceMinutes: "10",
      signOutRequired: "no",
    });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields.date).toBe("日期格式应为 2026-03-05");
    expect(fields.creditHours).toBe("学时须为 0.5 的整数倍");
  });
});

describe("the register's live window", () => {
  const session = { startsAt: beijingInstant("2026-03-05", "09:00"), endsAt: beijingInstant("2026-03-05", "12:00") };
  it("refreshes from half an hour before the start to half an hour after the end", () => {
    expect(registerLiveUntil(session, beijingInstant("2026-03-05", "08:29"))).toBeNull();
    expect(registerLiveUntil(session, beijingInstant("2026-03-05", "08:30"))).toEqual(
      beijingInstant("2026-03-05", "12:30"),
    );
    expect(registerLiveUntil(session, beijingInstant("2026-03-05", "12:30"))).not.toBeNull();
    expect(registerLiveUntil(session, beijingInstant("2026-03-05", "12:31"))).toBeNull();
  });
});
