// GET /og/certificates/:id — a certificate's share card (PNG, 1200 × 630): public like the
// verification page, with the course and the date but not the person's name.
import { getDb } from "@/lib/db/client";
import { renderCertificateCard } from "@/lib/share/cards";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const card = await renderCertificateCard(getDb(), (await params).id);
  return card ?? Response.json({ error: "没有这张证书" }, { status: 404 });
}
