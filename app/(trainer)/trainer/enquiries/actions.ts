"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { eraseEnquiry, followUpEnquiry, STATUS_LABELS, STATUSES } from "@/lib/enquiries/enquiries";
import type { EnquiryStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db/client";

const enquiryId = z.string({ error: "缺少咨询编号" }).regex(/^[a-z0-9]{1,40}$/i, "咨询编号无效");

const status = z.enum(STATUSES as [EnquiryStatus, ...EnquiryStatus[]], { error: "请选择状态" });

const followUpSchema = z.object({
  enquiryId,
  seenStatus: status,
  status,
  note: z
    .string()
    .trim()
    .max(1000, "备注最多 1000 字")
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "备注含有无效字符")
    .transform((v) => v || undefined)
    .optional(),
});

const FOLLOW_UP_MESSAGES = {
  NOT_FOUND: "没有找到这条咨询",
  ERASED: "这条咨询的个人信息已删除，不能再跟进",
  NOTHING_TO_SAVE: "请修改状态或填写跟进备注",
} as const;

// Trainers and admins follow up enquiries; every change is recorded with their name.
export const followUpEnquiryAction = validatedActionWithUser(
  followUpSchema,
  async (data, user) => {
    const r = await followUpEnquiry(getDb(), user.name, data.enquiryId, data);
    if (!r.ok) {
      if (r.code === "NOTHING_TO_SAVE") return { fieldErrors: { note: FOLLOW_UP_MESSAGES.NOTHING_TO_SAVE } };
      return { message: FOLLOW_UP_MESSAGES[r.code] };
    }
    // The page re-renders with the new status and history as part of this response.
    revalidatePath(`/trainer/enquiries/${data.enquiryId}`);
    revalidatePath("/trainer/enquiries");
    const saved = [
      r.statusChanged ? `状态已改为“${STATUS_LABELS[r.status]}”` : null,
      r.noteAdded ? "备注已添加" : null,
    ];
    return { ok: true, message: `已保存：${saved.filter(Boolean).join("，")}` };
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
