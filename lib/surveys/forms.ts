// The trainer's forms for opening a survey or the pre-test, shared by the pages and the actions.
// Times are typed in Beijing time (datetime-local, no zone) and stored as instants.
import { z } from "zod";

const BEIJING_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-03-18T09:00" read as Beijing time (UTC+8, no DST); null when malformed. */
export function parseBeijingLocal(value: string): Date | null {
  if (!BEIJING_LOCAL.test(value)) return null;
  const d = new Date(`${value}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a datetime-local value in Beijing time (for a form's default). */
export function toBeijingLocal(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

const when = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .transform((v, ctx) => {
      const d = parseBeijingLocal(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${label}格式不正确` });
        return z.NEVER;
      }
      return d;
    });

const cohortId = z.string({ error: "缺少班级" }).regex(/^[a-z0-9]{1,40}$/i, "缺少班级");

const windowCheck = <T extends { opensAt: Date; closesAt: Date }>(v: T, ctx: z.RefinementCtx) => {
  if (v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "截止时间须晚于开始时间" });
  else if (v.closesAt.getTime() - v.opensAt.getTime() > 90 * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["closesAt"], message: "开放时间最长 90 天" });
};

export const openSurveySchema = z
  .object({
    cohortId,
    surveyId: z.string({ error: "请选择问卷" }).regex(/^[a-z0-9-]{1,60}$/, "请选择问卷"),
    mode: z.enum(["anonymous", "named"], { error: "请选择匿名或实名" }),
    opensAt: when("开始时间"),
    closesAt: when("截止时间"),
  })
  .superRefine(windowCheck);

export const PRE_TEST_COUNT = { min: 5, max: 30, default: 10 } as const;

export const openPreTestSchema = z
  .object({
    cohortId,
    questionCount: z.coerce
      .number({ error: "请填写题目数" })
      .int("题目数须为整数")
      .min(PRE_TEST_COUNT.min, `题目数至少 ${PRE_TEST_COUNT.min} 道`)
      .max(PRE_TEST_COUNT.max, `题目数最多 ${PRE_TEST_COUNT.max} 道`),
    opensAt: when("开始时间"),
    closesAt: when("截止时间"),
  })
  .superRefine(windowCheck);
