import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { WorksheetSheet } from "@/components/worksheets/worksheet-sheet";
import { requireUser } from "@/lib/auth/session";
import { getWorksheet } from "@/lib/worksheets/definitions";
import { DownloadLink } from "@/components/wechat/download-link";

type WorksheetPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: WorksheetPageProps): Promise<Metadata> {
  const w = getWorksheet((await params).slug);
  return { title: w ? w.title : "练习单" };
}

export default async function WorksheetPage({ params }: WorksheetPageProps) {
  const { slug } = await params;
  await requireUser(`/worksheets/${encodeURIComponent(slug)}`);
  const worksheet = getWorksheet(slug);
  if (!worksheet) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <Link href="/worksheets" className="text-sm text-brand-600 hover:underline">
          ← 全部练习单
        </Link>
        <span className="flex-1" />
        <DownloadLink
          href={`/worksheets/${worksheet.slug}/xlsx`}
          download
          className="rounded-lg border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          下载 Excel
        </DownloadLink>
        <PrintButton />
      </div>
      <WorksheetSheet worksheet={worksheet} />
    </div>
  );
}
