// The trainer's exam forms, shared by the pages and the actions: the final's window for a cohort
// (typed in Beijing time, both blank to remove it) and one extra attempt for a learner.
import { z } from "zod";
import { parseBeijingLocal } from "@/lib/surveys/forms";

const id = (message: string) => z.string({ error: message }).regex(/^[a-z0-9]{1,40}$/i, message);

const optionalWhen = (label: string) =>
  z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (!v) return null;
      const d = parseBeijingLocal(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${label}格式不正确` });
        return z.NEVER;
      }
      return d;
    });

export const examWindowSchema = z
  .object({ cohortId: id("缺少班级"), opensAt: optionalWhen("开放时间"), closesAt: optionalWhen("截止时间") })
  .superRefine((v, ctx) => {
    if (v.opensAt && !v.closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "请填写截止时间" });
    else if (!v.opensAt && v.closesAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "请填写开放时间" });
    else if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "截止时间须晚于开放时间" });
    else if (v.opensAt && v.closesAt && v.closesAt.getTime() - v.opensAt.getTime() > 366 * 86_400_000)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "开放时间最长一年" });
  });

export const extraAttemptSchema = z.object({ cohortId: id("缺少班级"), learnerId: id("缺少学员") });
