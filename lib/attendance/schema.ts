// The forms of the classroom day, shared by the pages and the actions: a session (课次), a hand
// mark in the register, the cohort's attendance rule, and the manual 签到 code. Times are typed
// in Beijing time and stored as instants.
import { z } from "zod";

const CONTROL = /[\u0000-\u001F\u007F]/;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字符`)
    .refine((s) => !CONTROL.test(s), `${label}含有无效字符`);

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i, "记录不存在");

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A Beijing wall-clock date and time as an instant (China has no daylight saving: UTC+8). */
export function beijingInstant(date: string, time: string): Date {
  const [, y, m, d] = DATE.exec(date)!;
  const [, hh, mm] = TIME.exec(time)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh) - 8, Number(mm)));
}

const validDate = (s: string) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

export const sessionSchema = z
  .object({
    cohortId: id,
    sessionId: z.union([id, z.literal("")]).optional(),
    title: text("课次名称", 60),
    date: z.string({ error: "请填写日期" }).trim().refine(validDate, "日期格式应为 2026-03-05"),
    startTime: z.string({ error: "请填写开始时间" }).trim().regex(TIME, "时间格式应为 09:00"),
    endTime: z.string({ error: "请填写结束时间" }).trim().regex(TIME, "时间格式应为 12:00"),
    venue: text("地点", 80),
    trainerName: text("讲师", 40),
    creditHours: z.coerce
      .number({ error: "学时须为数字" })
      .min(0.5, "学时至少 0.5")
      .max(16, "学时最多 16")
      .refine((n) => Number.isInteger(n * 2), "学时须为 0.5 的整数倍"),
    graceMinutes: z.coerce
      .number({ error: "迟到宽限须为分钟数" })
      .int("迟到宽限须为整数分钟")
      .min(0, "迟到宽限不能为负")
      .max(120, "迟到宽限最多 120 分钟"),
    signOutRequired: z.enum(["yes", "no"], { error: "请选择是否需要签退" }),
  })
  .refine((v) => !TIME.test(v.startTime) || !TIME.test(v.endTime) || v.endTime > v.startTime, {
    path: ["endTime"],
    message: "结束时间须晚于开始时间",
  })
  .transform((v) => ({
    cohortId: v.cohortId,
    sessionId: v.sessionId || null,
    title: v.title,
    startsAt: beijingInstant(v.date, v.startTime),
    endsAt: beijingInstant(v.date, v.endTime),
    venue: v.venue,
    trainerName: v.trainerName,
    creditHours: v.creditHours,
    graceMinutes: v.graceMinutes,
    signOutRequired: v.signOutRequired === "yes",
  }));

export type SessionInput = z.output<typeof sessionSchema>;

/** Deleting a session: typed confirmation, since the register and the 学时 go with it. */
export const deleteSessionSchema = z.object({
  cohortId: id,
  sessionId: id,
  confirm: z
    .string({ error: "请输入“删除”以确认" })
    .trim()
    .refine((s) => s === "删除", "请输入“删除”以确认"),
});

export const MARKABLE = ["PRESENT", "LATE", "LEAVE", "ABSENT"] as const;

export const markSchema = z.object({
  sessionId: id,
  userId: id,
  status: z.enum(MARKABLE, { error: "请选择出勤情况" }),
  note: z
    .string()
    .trim()
    .max(200, "备注最多 200 个字符")
    .refine((s) => !CONTROL.test(s), "备注含有无效字符")
    .optional()
    .transform((s) => s || null),
});

export const attendanceRuleSchema = z.object({
  cohortId: id,
  minAttendancePercent: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || "")
    .refine(
      (s) => s === "" || (/^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 100),
      "请填写 1–100 的整数，或留空表示不要求",
    )
    .transform((s) => (s === "" ? null : Number(s))),
});

export const manualCodeSchema = z.object({
  code: z
    .string({ error: "请填写 6 位签到码" })
    .trim()
    .regex(/^\d{6}$/, "请填写屏幕上显示的 6 位数字签到码"),
});
