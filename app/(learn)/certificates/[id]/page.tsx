import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { getCertificate } from "@/lib/certificates/certificates";
import { getContent } from "@/lib/content";
import { getDb } from "@/lib/db/client";
import { formatDateLong } from "@/lib/format/beijing-time";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { cardPaths } from "@/lib/share/card-paths";

type CertificatePageProps = { params: Promise<{ id: string }> };

// The card names the course, not the person: a shared link should not spread a name further.
export async function generateMetadata({ params }: CertificatePageProps): Promise<Metadata> {
  return pageMetadata({
    title: "结业证书",
    description: "《场景化金融生态 — 信用卡业务的转型与发展》课程结业证书。证书编号与本页网址一致即为有效。",
    path: `/certificates/${encodeURIComponent((await params).id)}`,
    noIndex: true,
    image: cardPaths.certificate((await params).id),
  });
}

// Public on purpose: whoever holds the link (an HR colleague, a manager) can verify it.
// It shows only the name, the course and the date.
export default async function CertificatePage({ params }: CertificatePageProps) {
  const cert = await getCertificate(getDb(), (await params).id);
  if (!cert) notFound();
  const date = formatDateLong(cert.issuedAt);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 print:p-0">
      <article className="certificate rounded-xl border-4 border-double border-brand-700 bg-white p-8 text-center md:p-14">
        <p className="text-sm tracking-[0.5em] text-brand-700">结业证书</p>
        <h1 className="mt-6 text-3xl font-bold text-brand-900 md:text-4xl">{cert.name}</h1>
        <p className="mt-6 leading-loose text-gray-800">
          已完成全部课程学习并通过考核
          <br />
          <span className="text-xl font-semibold">《{getContent().course.title}》</span>
        </p>
        <p className="mt-8 text-gray-700">{date}</p>
        <p className="mt-8 font-mono text-xs text-gray-500">证书编号 {cert.id}</p>
        <p className="mt-1 text-xs text-gray-500">本页即验证页：证书编号与本网址一致即为有效</p>
      </article>
      <div className="no-print mt-6 text-center">
        <PrintButton />
      </div>
    </div>
  );
}
