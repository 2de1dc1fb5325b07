// POST /api/enquiries — the enquiry form as JSON (for integrations and scripted checks): 201 new,
// 200 the same enquiry repeated within a minute, 400 refused as spam, 422 field errors, 429 too
// many from one address in an hour. Same rules as the form (lib/enquiries).
import { headers } from "next/headers";
import { fieldErrorsOf } from "@/lib/actions/validated-action";
import { screenSubmission, storeEnquiry } from "@/lib/enquiries/intake";
import { enquiryFields, enquirySchema } from "@/lib/enquiries/schema";

export async function POST(req: Request) {
  const text = await req.text();
  if (text.length > 20_000) return Response.json({ error: "内容过长" }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "请求格式应为 JSON" }, { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return Response.json({ error: "请求格式应为 JSON 对象" }, { status: 400 });
  const raw = body as Record<string, unknown>;
  const parsed = enquirySchema.safeParse(enquiryFields(raw));
  if (!parsed.success)
    return Response.json({ error: "请按提示修改后再提交", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 422 });
  const screen = screenSubmission(raw);
  if (!screen.ok) return Response.json({ error: screen.message }, { status: screen.status });
  const result = await storeEnquiry(parsed.data, await headers(), screen.tokenId);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
  return Response.json({ id: result.id, duplicate: result.duplicate }, { status: result.duplicate ? 200 : 201 });
}
