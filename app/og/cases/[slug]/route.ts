// GET /og/cases/:slug — a case's share card (PNG, 1200 × 630). Public, like the case.
import { renderCaseCard } from "@/lib/share/cards";

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return (await renderCaseCard((await params).slug)) ?? Response.json({ error: "没有这个案例" }, { status: 404 });
}
