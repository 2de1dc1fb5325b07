import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KitPageView } from "@/components/trainer-kit/kit-page-view";
import { requireRole } from "@/lib/auth/session";
import { getModule } from "@/lib/content";
import { getModuleNote } from "@/lib/trainer-kit";

type ModuleNotePageProps = { params: Promise<{ module: string }> };

export const metadata: Metadata = { title: "模块引导要点" };

export default async function ModuleNotePage({ params }: ModuleNotePageProps) {
  const { module } = await params;
  await requireRole(["TRAINER"], `/trainer/kit/modules/${encodeURIComponent(module)}`);
  const note = getModuleNote(module);
  const mod = getModule(module);
  if (!note || !mod) notFound();
  return (
    <KitPageView
      page={note}
      kind={`模块 ${mod.number} 引导要点`}
      related={{ href: `/course/${mod.slug}`, label: `学员看到的模块 ${mod.number}：${mod.title}` }}
    />
  );
}
