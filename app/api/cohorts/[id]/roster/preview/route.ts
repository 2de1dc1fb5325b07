// POST /api/cohorts/:id/roster/preview — multipart "file" (.xlsx/.csv): what importing it would
// do, row by row, with a fingerprint to confirm with. Nothing is written and the file is not kept.
import { getDb } from "@/lib/db/client";
import { authoriseRosterImport, readUploadedRoster } from "@/lib/roster/access";
import { planRosterImport } from "@/lib/roster/plan";
import { toRosterPreview } from "@/lib/roster/preview";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const target = await authoriseRosterImport((await params).id);
  if (target instanceof Response) return target;
  const read = await readUploadedRoster(req);
  if (read instanceof Response) return read;
  const plan = await planRosterImport(getDb(), target.cohort, read.upload.rows);
  return Response.json(
    { preview: toRosterPreview(plan, read.upload.rows) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
