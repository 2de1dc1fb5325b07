"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { ARTWORK_LABELS, saveCertificateWording, setCertificateImage } from "@/lib/certificates/design";
import { certificateImageSchema, certificateWordingSchema, DESIGN_PROBLEM_MESSAGES } from "@/lib/certificates/schema";
import { getDb } from "@/lib/db/client";

export const certificateWordingAction = validatedActionWithUser(
  certificateWordingSchema,
  async (wording, admin) => {
    await saveCertificateWording(getDb(), { id: admin.id, name: admin.name }, wording);
    revalidatePath("/admin/certificate");
    return { ok: true, message: "已保存，新的证书图片和 PDF 即按此显示" };
  },
  ["ADMIN"],
);

export const certificateImageAction = validatedActionWithUser(
  certificateImageSchema,
  async ({ kind, op }, admin, formData) => {
    const file = formData.get(kind);
    const bytes =
      op === "remove" ? null : file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const result = await setCertificateImage(getDb(), { id: admin.id, name: admin.name }, kind, bytes);
    revalidatePath("/admin/certificate");
    const label = ARTWORK_LABELS[kind];
    if (result.ok) return { ok: true, message: op === "remove" ? `已删除${label}` : `已更新${label}` };
    const message = DESIGN_PROBLEM_MESSAGES[result.code];
    return { fieldErrors: { [kind]: message }, message };
  },
  ["ADMIN"],
);
