import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicCertificateFacts } from "@/lib/certificates/facts";
import { REVOKE_REASON_LABELS, SCORE_BAND_LABELS } from "@/lib/certificates/rules";
import { getDb } from "@/lib/db/client";
import { formatDate, formatDateLong } from "@/lib/format/beijing-time";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { cardPaths } from "@/lib/share/card-paths";

type VerifyPageProps = { params: Promise<{ id: string }> };

// The card names the course, not the person: a shared link should not spread a name further.
export async function generateMetadata({ params }: VerifyPageProps): Promise<Metadata> {
  return pageMetadata({
    title: "结业证书",
    description:
      "《场景化金融生态 — 信用卡业务的转型与发展》课程结业证书核验：证书是否有效、颁发机构、结业日期与学时。",
    path: `/verify/${encodeURIComponent((await params).id)}`,
    noIndex: true,
    image: cardPaths.certificate((await params).id),
  });
}

const hours = (n: number) => String(Math.round(n * 10) / 10);

// Public on purpose: whoever holds the paper or the QR code (a bank's HR) checks it here. The
// name is partly masked and nothing else personal is shown (decision 0030).
export default async function VerifyPage({ params }: VerifyPageProps) {
  const facts = await getPublicCertificateFacts(getDb(), (await params).id);
  if (!facts) notFound();
  const rows: [string, string][] = [
    ["证书编号", facts.number],
    ["姓名", facts.maskedName],
    ["课程", `《${facts.courseTitle}》`],
    ...(facts.organisationName ? [["客户机构", facts.organisationName] as [string, string]] : []),
    ...(facts.cohortName ? [["班级", facts.cohortName] as [string, string]] : []),
    ["结业日期", formatDateLong(facts.issuedAt)],
    ["结业成绩", SCORE_BAND_LABELS[facts.band]],
    [
      "学时",
      `${hours(facts.hours.total)} 学时（线上 ${hours(facts.hours.online)}，课堂 ${hours(facts.hours.classroom)}）`,
    ],
    ["颁发机构", facts.issuerName],
  ];
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900">结业证书核验</h1>
      {facts.revoked ? (
        <div role="status" className="mt-6 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-800">
          <p className="text-xl font-bold">已撤销</p>
          <p className="mt-1">
            本证书已于 {formatDate(facts.revoked.at)} 撤销，原因：{REVOKE_REASON_LABELS[facts.revoked.reason]}
            。撤销后不再有效。
          </p>
        </div>
      ) : (
        <div role="status" className="mt-6 rounded-lg border-2 border-green-700 bg-green-50 p-4 text-green-900">
          <p className="text-xl font-bold">有效</p>
          <p className="mt-1">本证书由平台颁发，信息与下表一致即为有效。</p>
        </div>
      )}
      <dl className="mt-6 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[6rem_1fr] gap-3 px-4 py-3">
            <dt className="text-gray-600">{label}</dt>
            <dd className="break-all text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-gray-600">为保护个人信息，姓名部分隐去，请与证书原件上的姓名核对。</p>
    </div>
  );
}
