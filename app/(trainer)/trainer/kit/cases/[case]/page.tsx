import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KitPageView } from "@/components/trainer-kit/kit-page-view";
import { requireRole } from "@/lib/auth/session";
import { getCase } from "@/lib/content";
import { getCaseNote } from "@/lib/trainer-kit";

type CaseNotePageProps = { params: Promise<{ case: string }> };

export const metadata: Metadata = { title: "案例教学笔记" };

// The teaching note (model answers, board plan, timing) lives only here, behind requireRole; the
// public case page renders the case file alone and merely links here for trainers.
export default async function CaseNotePage({ params }: CaseNotePageProps) {
  const slug = (await params).case;
  await requireRole(["TRAINER"], `/trainer/kit/cases/${encodeURIComponent(slug)}`);
  const note = getCaseNote(slug);
  const c = getCase(slug);
  if (!note || !c) notFound();
  return (
    <KitPageView
      page={note}
      kind="案例教学笔记"
      related={{ href: `/cases/${c.slug}`, label: `学员看到的案例：${c.title}` }}
    />
  );
}
