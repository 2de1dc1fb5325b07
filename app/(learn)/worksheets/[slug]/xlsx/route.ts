// GET /worksheets/[slug]/xlsx — a worksheet as an .xlsx (the same fields as its printable page).
import { authoriseRequest } from "@/lib/auth/session";
import { downloadResponse, XLSX_TYPE } from "@/lib/export/tabular";
import { getWorksheet } from "@/lib/worksheets/definitions";
import { worksheetXlsx } from "@/lib/worksheets/xlsx";

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await authoriseRequest();
  if (user instanceof Response) return user;
  const worksheet = getWorksheet((await params).slug);
  if (!worksheet) return Response.json({ error: "没有这张练习单" }, { status: 404 });
  return downloadResponse(await worksheetXlsx(worksheet), `${worksheet.title}.xlsx`, XLSX_TYPE);
}
