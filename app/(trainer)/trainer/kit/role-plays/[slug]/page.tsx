import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KitPageView } from "@/components/trainer-kit/kit-page-view";
import { requireRole } from "@/lib/auth/session";
import { getRolePlay } from "@/lib/trainer-kit";

type RolePlayPageProps = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "角色扮演脚本" };

export default async function RolePlayPage({ params }: RolePlayPageProps) {
  const { slug } = await params;
  await requireRole(["TRAINER"], `/trainer/kit/role-plays/${encodeURIComponent(slug)}`);
  const page = getRolePlay(slug);
  if (!page) notFound();
  return <KitPageView page={page} kind="角色扮演脚本" />;
}
