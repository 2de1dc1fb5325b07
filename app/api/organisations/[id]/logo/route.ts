// GET /api/organisations/:id/logo — the organisation's logo, for the people who may see that
// organisation (its trainers and client admins, admins): 403 for anyone else, 404 when it has none.
// Private and revalidated on every use (ETag → 304), so a viewer who lost access stops seeing it.
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readOrganisationLogo } from "@/lib/organisations/logo";

const ORGANISATION_ID = /^[a-z0-9_]{1,40}$/i;

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authoriseRequest();
  if (user instanceof Response) return user;
  const { id } = await params;
  const found = ORGANISATION_ID.test(id) ? await readOrganisationLogo(getDb(), user, id) : null;
  if (!found || (!found.ok && found.code === "FORBIDDEN")) {
    return Response.json({ error: "没有权限查看这个机构" }, { status: 403 });
  }
  if (!found.ok) return Response.json({ error: "该机构没有上传标志" }, { status: 404 });
  const etag = `"${found.logo.sha256}"`;
  const headers = {
    "Cache-Control": "private, no-cache",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(found.logo.bytes), {
    headers: {
      ...headers,
      "Content-Type": found.logo.contentType,
      "Content-Length": String(found.logo.bytes.length),
      "Content-Disposition": "inline",
    },
  });
}
