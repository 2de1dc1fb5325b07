// GET /trainer/cohorts/:id/roster/template — the empty roster template (.xlsx) for this cohort's bank.
import { authoriseRosterImport } from "@/lib/roster/access";
import { rosterTemplate } from "@/lib/roster/template";
import { downloadResponse, XLSX_TYPE } from "@/lib/export/tabular";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const target = await authoriseRosterImport((await params).id);
  if (target instanceof Response) return target;
  return downloadResponse(await rosterTemplate(), `学员名单模板-${target.cohort.name}.xlsx`, XLSX_TYPE);
}
