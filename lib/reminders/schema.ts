// The reminder forms, shared by the page and the actions: the cohort's settings (rules, channels,
// per-module due dates as "due:<module slug>" fields), 一键催学, and the learner's opt-out.
import { z } from "zod";

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i, "记录不存在");

const onOff = z.enum(["on", "off"], { error: "请选择开启或关闭" }).transform((v) => v === "on");

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A 企业微信 group-robot address: https only, so the class summary is not sent in clear over the
 * internet; plain http only to this machine (tests and a local relay).
 */
export function isAcceptableWebhookUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
}

const webhookUrl = z
  .string()
  .trim()
  .max(500, "地址最多 500 个字符")
  .refine((s) => s === "" || isAcceptableWebhookUrl(s), "请填写以 https:// 开头的企业微信群机器人 Webhook 地址")
  .transform((s) => (s === "" ? null : s));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DUE_PREFIX = "due:";

function validDate(s: string) {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const reminderSettingsSchema = z
  .object({
    cohortId: id,
    notStartedOn: onOff,
    notStartedDays: z.coerce
      .number({ error: "请填写 1–60 之间的整数" })
      .int("请填写 1–60 之间的整数")
      .min(1, "请填写 1–60 之间的整数")
      .max(60, "请填写 1–60 之间的整数"),
    dueSoonOn: onOff,
    inactiveOn: onOff,
    checkInDueOn: onOff,
    emailOn: onOff,
    webhookUrl,
    automaticOn: onOff,
  })
  // Due dates arrive as one field per module; the module list is content's, checked by the caller.
  .catchall(z.string())
  .superRefine((data, ctx) => {
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith(DUE_PREFIX) && typeof value === "string" && value.trim() !== "" && !validDate(value.trim())) {
        ctx.addIssue({ code: "custom", path: [key], message: "请填写有效日期，或留空" });
      }
    }
  })
  .transform((data) => {
    const dueDates: { moduleSlug: string; dueOn: string }[] = [];
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith(DUE_PREFIX) && typeof value === "string" && value.trim() !== "") {
        dueDates.push({ moduleSlug: key.slice(DUE_PREFIX.length), dueOn: value.trim() });
      }
    }
    return {
      cohortId: data.cohortId,
      notStartedOn: data.notStartedOn,
      notStartedDays: data.notStartedDays,
      dueSoonOn: data.dueSoonOn,
      inactiveOn: data.inactiveOn,
      checkInDueOn: data.checkInDueOn,
      emailOn: data.emailOn,
      webhookUrl: data.webhookUrl,
      automaticOn: data.automaticOn,
      dueDates,
    };
  });
export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

export const sendNowSchema = z.object({ cohortId: id });

export const optOutSchema = z.object({ optOut: onOff });
