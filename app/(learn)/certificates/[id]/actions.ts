"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { revokeCertificate } from "@/lib/certificates/revoke";
import { REVOKE_PROBLEM_MESSAGES, revokeCertificateSchema } from "@/lib/certificates/schema";
import { getDb } from "@/lib/db/client";

// The staff of the learner's class only; revokeCertificate checks the cohort scope (a client
// admin or another trainer is refused with a message, and nothing changes).
export const revokeCertificateAction = validatedActionWithUser(
  revokeCertificateSchema,
  async ({ certificateId, reason, note }, user) => {
    const result = await revokeCertificate(getDb(), user, certificateId, reason, note);
    revalidatePath(`/certificates/${certificateId}`);
    if (result.ok) return { ok: true, message: "证书已撤销，核验页即时显示“已撤销”" };
    const { field, message } = REVOKE_PROBLEM_MESSAGES[result.code];
    return { fieldErrors: { [field]: message }, message };
  },
  ["TRAINER"],
);
