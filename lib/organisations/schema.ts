// Organisation forms, shared by the admin pages (instant messages) and the server actions, and
// the Chinese wording of the codes lib/organisations/organisations.ts returns.
import { z } from "zod";
import type { CloseProblem } from "./close";
import type { LogoProblem } from "./logo";

const CONTROL = /[\u0000-\u001F\u007F]/;

export const organisationCodeSchema = z
  .string({ error: "请填写简称代码" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "简称代码为 2-10 位大写字母或数字，以字母开头，例如 PAB");

export const organisationSchema = z.object({
  name: z
    .string({ error: "请填写机构名称" })
    .trim()
    .min(1, "请填写机构名称")
    .max(60, "机构名称最多 60 个字符")
    .refine((s) => !CONTROL.test(s), "机构名称含有无效字符"),
  code: organisationCodeSchema,
  retentionDays: z.coerce
    .number({ error: "请填写保留天数" })
    .int("保留天数须为整数")
    .min(30, "保留天数至少 30 天")
    .max(3650, "保留天数最多 3650 天"),
});

export const organisationUpdateSchema = organisationSchema.extend({ organisationId: z.string().min(1).max(40) });

export const organisationMemberSchema = z.object({
  organisationId: z.string().min(1).max(40),
  op: z.enum(["add", "remove"], { error: "操作无效" }),
  email: z
    .string({ error: "请填写邮箱" })
    .trim()
    .toLowerCase()
    .min(1, "请填写邮箱")
    .max(254, "邮箱过长")
    .pipe(z.email("邮箱格式不正确")),
});

export type OrganisationProblem =
  | "NOT_FOUND"
  | "CLOSED"
  | "NAME_TAKEN"
  | "CODE_TAKEN"
  | "NO_SUCH_USER"
  | "NOT_A_TRAINER"
  | "NOT_ELIGIBLE"
  | "NOT_MEMBER";

export const ORGANISATION_PROBLEM_MESSAGES: Record<OrganisationProblem, { field: string; message: string }> = {
  NOT_FOUND: { field: "form", message: "机构不存在" },
  CLOSED: { field: "form", message: "该机构已结束合作，信息不能再修改" },
  NAME_TAKEN: { field: "name", message: "已有同名机构" },
  CODE_TAKEN: { field: "code", message: "简称代码已被其他机构使用" },
  NO_SUCH_USER: { field: "email", message: "没有这个邮箱的账号：请对方先注册，或用 npm run user:create 创建" },
  NOT_A_TRAINER: { field: "email", message: "该账号不是培训师，请先在用户管理中把角色改为培训师" },
  NOT_ELIGIBLE: { field: "email", message: "培训师和管理员不能设为客户培训管理员" },
  NOT_MEMBER: { field: "email", message: "该账号不在这个机构的名单中" },
};

/** The largest logo accepted (checked in the browser too, before the upload). */
export const LOGO_MAX_BYTES = 512 * 1024;

const organisationIdField = z.string().min(1).max(40);

/** The logo form: upload (the file itself is read from the FormData, see logo.ts) or remove. */
export const organisationLogoSchema = z.object({
  organisationId: organisationIdField,
  op: z.enum(["upload", "remove"], { error: "操作无效" }),
});

export const LOGO_PROBLEM_MESSAGES: Record<LogoProblem, { field: string; message: string }> = {
  LOGO_MISSING: { field: "logo", message: "请选择标志图片文件" },
  LOGO_TOO_LARGE: { field: "logo", message: "图片不能超过 512 KB，请压缩后再上传" },
  LOGO_NOT_IMAGE: { field: "logo", message: "只能上传 PNG、JPEG 或 WebP 图片（按文件内容识别，改扩展名无效）" },
  NOT_FOUND: { field: "form", message: "机构不存在" },
  CLOSED: { field: "form", message: "该机构已结束合作，标志不能再修改" },
};

/** Step 2 of the end of a contract: the organisation's full name, typed by hand. */
export const closeOrganisationSchema = z.object({
  organisationId: organisationIdField,
  confirmation: z.string({ error: "请输入机构全称以确认" }).trim().min(1, "请输入机构全称以确认").max(100, "输入过长"),
});

export const CLOSE_PROBLEM_MESSAGES: Record<CloseProblem, { field: string; message: string }> = {
  NOT_FOUND: { field: "form", message: "机构不存在" },
  CLOSED: { field: "form", message: "该机构已经结束合作，无需重复操作" },
  CONFIRMATION_MISMATCH: { field: "confirmation", message: "输入的名称与机构全称不一致，未做任何删除" },
  EXPORT_REQUIRED: {
    field: "form",
    message: "请先完成第一步：导出本机构的全部数据（24 小时内有效），再删除个人信息",
  },
};
