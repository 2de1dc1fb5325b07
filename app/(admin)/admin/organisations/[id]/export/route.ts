// GET /admin/organisations/:id/export — step 1 of the end of a contract: all of the organisation's
// learners' data as one .xlsx (lib/organisations/close-export.ts). ADMIN only; audited before the
// file is sent, and that record is what lets the erase step go ahead within 24 h.
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { downloadResponse, XLSX_TYPE } from "@/lib/export/tabular";
import { formatDate } from "@/lib/format/beijing-time";
import { exportOrganisationPack } from "@/lib/organisations/close-export";

const ORGANISATION_ID = /^[a-z0-9_]{1,40}$/i;

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await authoriseRequest(["ADMIN"]);
  if (user instanceof Response) return user;
  const { id } = await params;
  const db = getDb();
  const org = ORGANISATION_ID.test(id)
    ? await db.organisation.findUnique({ where: { id }, select: { id: true, name: true, code: true } })
    : null;
  if (!org) return Response.json({ error: "机构不存在" }, { status: 404 });
  const book = await exportOrganisationPack(db, { id: user.id, name: user.name }, org);
  return downloadResponse(book, `${org.name}-全部数据-${formatDate(new Date())}.xlsx`, XLSX_TYPE);
}
