"use server";

import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { checkInWithCode } from "@/lib/attendance/check-in";
import { CHECK_IN_PROBLEMS } from "@/lib/attendance/labels";
import { checkInResultMessage } from "@/lib/attendance/result-message";
import { manualCodeSchema } from "@/lib/attendance/schema";
import { checkInSecret } from "@/lib/attendance/secret";
import { getDb } from "@/lib/db/client";

// The typed 6-digit code, for phones whose camera cannot scan the projector.
export const checkInCodeAction = validatedActionWithUser(manualCodeSchema, async (data, user) => {
  const r = await checkInWithCode(getDb(), checkInSecret(), user.id, data.code);
  if (!r.ok) return { fieldErrors: { code: CHECK_IN_PROBLEMS[r.code] }, message: CHECK_IN_PROBLEMS[r.code] };
  return { ok: true, message: checkInResultMessage(r) };
});
