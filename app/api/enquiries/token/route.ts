// GET /api/enquiries/token — a signed start time for the enquiry form on static pages (the
// minimum-fill-time check); public, never cached.
import { newFormToken } from "@/lib/enquiries/intake";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ token: newFormToken() }, { headers: { "Cache-Control": "no-store" } });
}
