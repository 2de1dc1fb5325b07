"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { eraseEnquiry, followUpEnquiry, STATUSES } from "@/lib/enquiries/enquiries";
import type { EnquiryStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db/client";

const enquiryId = z.string({ error: "缺少咨询编号" }).regex(/^[a-z0-9]{1,40}$/i, "咨询编号无效");

const followUpSchema = z.object({
  enquiryId,
  status: z.enum(STATUSES as [EnquiryStatus, ...EnquiryStatus[]], { error: "请选择状态" }),
  note: z
    .string()
    .trim()
    .max(1000, "备注最多 1000 字")
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "备注含有无效字符")
    .transform((v) => v || undefined)
    .optional(),
});

// Trainers and admins follow up enquiries; every change is recorded with their name.
export const followUpEnquiryAction = validatedActionWithUser(
  followUpSchema,
  async (data, user) => {
    const r = await followUpEnquiry(getDb(), user.name, data.enquiryId, { status: data.status, note: data.note });
    if (!r.ok)
      return "fieldErrors" in r
        ? { fieldErrors: r.fieldErrors, message: "请修改状态或填写跟进备注" }
        : { message: r.message };
    return { ok: true, message: "已保存" };
  },
  ["TRAINER"],
);

const eraseSchema = z.object({
  enquiryId,
  confirm: z.literal("on", { error: "请先勾选确认：删除后无法恢复" }),
});

export const eraseEnquiryAction = validatedActionWithUser(
  eraseSchema,
  async (data, user) => {
    const erased = await eraseEnquiry(getDb(), data.enquiryId, { id: user.id, name: user.name });
    if (!erased) return { message: "没有找到这条咨询，或它已被删除" };
    redirect("/trainer/enquiries?erased=1");
  },
  ["TRAINER"],
);
