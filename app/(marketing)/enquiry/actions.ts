"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { newFormToken, screenSubmission, storeEnquiry } from "@/lib/enquiries/intake";
import { enquirySchema } from "@/lib/enquiries/schema";

// Anyone may send an enquiry: no sign-in. Field errors come from the shared schema; the
// honeypot, the fill-time token and the per-IP limit answer with a message saying what to do.
// A form without a token (sent before the page's script fetched one, or with JavaScript off: the
// pages are static, issue 19 and docs/decisions/0032) gets a fresh token back with its values, so the next
// 提交, a few seconds later, goes through; a bot gains nothing it could not get from GET.
export const submitEnquiryAction = validatedAction<typeof enquirySchema, { formToken: string }>(
  enquirySchema,
  async (data, formData) => {
    const screen = screenSubmission(Object.fromEntries(formData));
    if (!screen.ok && screen.reason === "missing")
      return { message: "请确认信息无误后，再点一次“提交”。", data: { formToken: newFormToken() } };
    if (!screen.ok) return { message: screen.message };
    const result = await storeEnquiry(data, await headers(), screen.tokenId);
    if (!result.ok) return { message: result.message };
    redirect("/enquiry/thanks");
  },
);
