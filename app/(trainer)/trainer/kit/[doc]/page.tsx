import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KitPageView } from "@/components/trainer-kit/kit-page-view";
import { requireRole } from "@/lib/auth/session";
import { getKitDocument } from "@/lib/trainer-kit";

type KitDocumentPageProps = { params: Promise<{ doc: string }> };

export const metadata: Metadata = { title: "培训师工具包" };

export default async function KitDocumentPage({ params }: KitDocumentPageProps) {
  const { doc } = await params;
  await requireRole(["TRAINER"], `/trainer/kit/${encodeURIComponent(doc)}`);
  const page = getKitDocument(doc);
  if (!page) notFound();
  return <KitPageView page={page} kind="培训师工具包" />;
}
