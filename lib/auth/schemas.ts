// Form schemas for accounts and cohorts, shared by the browser (instant messages) and the server
// (the check that counts). Messages are Chinese and name the field's problem plainly.
import { z } from "zod";
import type { InviteProblem } from "@/lib/cohorts/cohorts";
import type { LinkProblem } from "./one-time-links";
import { isCommonPassword } from "./common-passwords";
import { parseIdentifier } from "./identifier";
import { PICKABLE_ROLES } from "./roles";

// Control characters (other than ordinary whitespace) have no business in a name or an email.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const emailSchema = z
  .string({ error: "请填写邮箱" })
  .trim()
  .toLowerCase()
  .min(1, "请填写邮箱")
  .max(254, "邮箱过长")
  .pipe(z.email("邮箱格式不正确，例如 name@bank.com"));

export const passwordSchema = z
  .string({ error: "请填写密码" })
  .min(8, "密码至少 8 个字符")
  .max(128, "密码最多 128 个字符")
  .refine((p) => !isCommonPassword(p), "这个密码太常见，容易被猜中，请换一个");

export const nameSchema = z
  .string({ error: "请填写姓名" })
  .trim()
  .min(1, "请填写姓名")
  .max(50, "姓名最多 50 个字符")
  .refine((s) => !CONTROL.test(s), "姓名含有无效字符")
  // Names are always rendered as text, but a name with markup in it is never a real name and
  // would turn up in exports, mails and other systems that may be less careful.
  .refine((s) => !/[<>]/.test(s), "姓名不能包含 < 或 > 符号");

export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(32, "邀请码格式不正确")
  .refine((s) => s === "" || /^[A-Z0-9]{6,12}$/.test(s), "邀请码格式不正确（6-12 位字母或数字）");

export const signupSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  inviteCode: inviteCodeSchema.optional().transform((s) => s || undefined),
});

/** The sign-in box takes an email, a 手机 or a 工号 (lib/auth/identifier.ts). */
export const loginSchema = z.object({
  identifier: z
    .string({ error: "请填写邮箱、手机号或工号" })
    .trim()
    .min(1, "请填写邮箱、手机号或工号")
    .max(254, "输入过长")
    .refine((s) => parseIdentifier(s) !== null, "请填写邮箱、11 位手机号或工号（如 10086，或带机构代码 PAB-10086）"),
  password: z.string({ error: "请填写密码" }).min(1, "请填写密码").max(128, "密码最多 128 个字符"),
});

export const profileSchema = z.object({ name: nameSchema });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(128, "密码最多 128 个字符"),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((s) => s || undefined)
  .refine((s) => s === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), "日期格式不正确")
  .transform((s) => (s ? new Date(`${s}T00:00:00Z`) : undefined));

export const cohortSchema = z
  .object({
    name: z
      .string({ error: "请填写班级名称" })
      .trim()
      .min(1, "请填写班级名称")
      .max(60, "班级名称最多 60 个字符")
      .refine((s) => !CONTROL.test(s), "班级名称含有无效字符"),
    organisationId: z.string({ error: "请选择客户机构" }).trim().min(1, "请选择客户机构").max(40, "请选择客户机构"),
    startsOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "结束日期不能早于开始日期",
  });

export const joinCohortSchema = z.object({
  inviteCode: inviteCodeSchema.refine((s) => s !== "", "请填写邀请码"),
});

/** What the join, sign-up and sign-in pages say about an invite code that cannot be used. */
export const INVITE_PROBLEM_MESSAGES: Record<InviteProblem, string> = {
  UNKNOWN: "邀请码无效，请向培训师确认。",
  EXPIRED: "该班级已结束，邀请码已失效。如需加入，请联系培训师。",
  CLOSED: "该班级所属机构已结束合作，班级不再接收新学员。",
};

/** Sent by the sign-in form once signed in: where to go, and the class being joined (if any). */
export const afterSignInSchema = z.object({
  next: z.string().max(500).optional(),
  inviteCode: inviteCodeSchema.optional().transform((s) => s || undefined),
});

export const roleSchema = z.enum(PICKABLE_ROLES, { error: "角色不正确" });
export const adminUnlockSchema = z.object({ userId: z.string().min(1).max(40) });

export const adminUserUpdateSchema = z.object({
  userId: z.string().min(1).max(40),
  role: roleSchema.optional(),
  disabled: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});

const identifierSchema = loginSchema.shape.identifier;

/** The one answer to every reset request, whether or not the account exists or has an email. */
export const RESET_REQUESTED =
  "如果该账号存在并登记了邮箱，重置密码的链接已发送到该邮箱，24 小时内有效。几分钟内没有收到，请查看垃圾邮件，或联系培训师为您生成链接。";

/** The set-password page of an activation or reset link. */
export const setPasswordSchema = z
  .object({
    token: z.string().max(100, "链接无效"),
    purpose: z.enum(["ACTIVATE", "RESET"], { error: "链接无效" }),
    password: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入密码" }).min(1, "请再次输入密码"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

/** 忘记密码: the account is named the way it signs in. */
export const resetRequestSchema = z.object({ identifier: identifierSchema });

const idSchema = z.string({ error: "参数缺失" }).trim().min(1, "参数缺失").max(40, "参数无效");

export const issueActivationSchema = z.object({
  cohortId: idSchema,
  scope: z.enum(["pending", "all"], { error: "请选择为哪些学员生成开通通知" }),
});

export const learnerLinkSchema = z.object({ cohortId: idSchema, learnerId: idSchema });

/** What the link pages and the set-password form say about a link that cannot be used. */
export const LINK_PROBLEM_MESSAGES: Record<LinkProblem, string> = {
  UNKNOWN: "这个链接无效。请检查是否完整复制了链接，或请培训师重新生成。",
  USED: "这个链接已经用过了（每个链接只能使用一次）。如果密码已设置好，请直接登录；忘记密码请联系培训师。",
  REPLACED: "这个链接已作废：之后又生成过新的链接。请使用最新的开通通知或链接，或请培训师重新生成。",
  EXPIRED: "这个链接已过期。请联系培训师重新生成。",
  ACCOUNT_DISABLED: "这个账号已停用，请联系培训师或培训管理员。",
  ALREADY_ACTIVE: "这个账号已经开通过了，请直接登录。忘记密码请联系培训师，或在登录页点“忘记密码”。",
};
