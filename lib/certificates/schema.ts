// The certificate forms' schemas and the Chinese for their problem codes, shared by the pages
// (labels, limits) and the actions.
import { z } from "zod";
import type { DesignProblem } from "./design";
import type { RevokeProblem } from "./revoke";
import { CERTIFICATE_NUMBER, REVOKE_REASONS } from "./rules";

export const revokeCertificateSchema = z.object({
  certificateId: z.string().regex(CERTIFICATE_NUMBER, "证书编号无效"),
  reason: z.enum(REVOKE_REASONS, { error: "请选择撤销原因" }),
  note: z
    .string({ error: "请写明撤销说明" })
    .trim()
    .min(4, "请写明撤销说明（至少 4 个字），供日后查阅")
    .max(500, "撤销说明最多 500 个字"),
});

export const REVOKE_PROBLEM_MESSAGES: Record<RevokeProblem, { field: string; message: string }> = {
  NOT_FOUND: { field: "form", message: "没有这张证书" },
  FORBIDDEN: { field: "form", message: "只有该学员所在班级的培训师或管理员可以撤销证书" },
  ALREADY_REVOKED: { field: "form", message: "这张证书已经撤销" },
};

const line = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}`)
    .max(max, `${label}最多 ${max} 个字`)
    .regex(/^[^\u0000-\u001f\u007f]*$/, `${label}含有无效字符`);

export const certificateWordingSchema = z.object({
  issuerName: line("颁发机构名称", 60),
  signatoryTitle: line("签署人职务", 30),
});

/** The seal or signature form: upload (the file itself is read from the FormData) or remove. */
export const certificateImageSchema = z.object({
  kind: z.enum(["seal", "signature"], { error: "图片类型无效" }),
  op: z.enum(["upload", "remove"], { error: "操作无效" }),
});

export const DESIGN_PROBLEM_MESSAGES: Record<DesignProblem, string> = {
  IMAGE_MISSING: "请选择图片文件",
  IMAGE_TOO_LARGE: "图片不能超过 512 KB，请压缩后再上传",
  IMAGE_NOT_PNG_OR_JPEG: "只能上传 PNG 或 JPEG 图片（按文件内容识别，改扩展名无效）；印章建议用透明背景的 PNG",
};
