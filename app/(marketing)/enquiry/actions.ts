"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { screenSubmission, storeEnquiry } from "@/lib/enquiries/intake";
import { enquirySchema } from "@/lib/enquiries/schema";

// Anyone may send an enquiry: no sign-in. Field errors come from the shared schema; the
// honeypot, the fill-time token and the per-IP limit answer with a message saying what to do.
export const submitEnquiryAction = validatedAction(enquirySchema, async (data, formData) => {
  const screen = screenSubmission(Object.fromEntries(formData));
  if (!screen.ok) return { message: screen.message };
  const result = await storeEnquiry(data, await headers(), screen.tokenId);
  if (!result.ok) return { message: result.message };
  redirect("/enquiry/thanks");
});
