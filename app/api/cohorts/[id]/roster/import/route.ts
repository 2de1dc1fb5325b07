// POST /api/cohorts/:id/roster/import — multipart "file" (sent again) and "fingerprint" (of the
// preview the trainer confirmed): imports every row in one transaction, or nothing. A plan that
// changed since the preview is answered 409 with the new preview (docs/decisions/0018).
import { getDb } from "@/lib/db/client";
import { authoriseRosterImport, readUploadedRoster } from "@/lib/roster/access";
import { applyRosterImport } from "@/lib/roster/import";
import { toRosterPreview } from "@/lib/roster/preview";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const target = await authoriseRosterImport((await params).id);
  if (target instanceof Response) return target;
  const read = await readUploadedRoster(req);
  if (read instanceof Response) return read;
  const fingerprint = read.form.get("fingerprint");
  if (typeof fingerprint !== "string" || !/^[\w-]{43}$/.test(fingerprint)) {
    return Response.json({ error: "请先预览名单，确认无误后再导入" }, { status: 422 });
  }
  const { user, cohort } = target;
  const rows = read.upload.rows;
  const result = await applyRosterImport(getDb(), { id: user.id, name: user.name }, cohort, rows, fingerprint);
  if (result.ok) return Response.json(result);
  if (result.code === "CLOSED") {
    return Response.json({ error: "该机构已结束合作，不能再导入学员" }, { status: 409 });
  }
  const preview = toRosterPreview(result.plan, rows);
  return result.code === "STALE"
    ? Response.json(
        { error: "预览之后名单有变化（可能另一位培训师刚刚导入或修改了学员），请重新检查下面的预览后再确认", preview },
        { status: 409 },
      )
    : Response.json({ error: "名单中有需要修改的行，没有导入任何一行", preview }, { status: 422 });
}
