// The enquiry form's check in the browser: the server's zod schema, loaded by enquiry-form.tsx
// when the prospect first focuses the form, so the page itself does not carry zod.
import { enquiryFields, enquirySchema } from "@/lib/enquiries/schema";

/** The first message for each field that fails the schema; empty when the form may be sent. */
export function errorsOf(form: HTMLFormElement): Record<string, string> {
  const values = Object.fromEntries(new FormData(form).entries());
  const parsed = enquirySchema.safeParse(enquiryFields(values));
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}
