// The certificate's text, written once for the PNG and the PDF so the two never say different
// things (decision 0030). Dates in Beijing time; the band and reason as their Chinese labels.
import { formatDate, formatDateLong } from "@/lib/format/beijing-time";
import type { CertificateFacts } from "./facts";
import { REVOKE_REASON_LABELS, SCORE_BAND_LABELS } from "./rules";

export type CertificateWording = ReturnType<typeof certificateWording>;

/** "12.5" or "12": 学时 without trailing zeros. */
const hours = (n: number) => String(Math.round(n * 10) / 10);

/** The verification page's address for a certificate, from the site's public origin. */
export function verifyUrl(origin: string, number: string) {
  return new URL(`/verify/${number}`, origin).toString();
}

export function certificateWording(f: CertificateFacts, verifyAddress: string) {
  const classOf = f.organisation && f.cohort ? `${f.organisation.name}“${f.cohort.name}”学员，` : "";
  return {
    title: "结业证书",
    lead: "兹证明",
    name: f.name,
    body: `${classOf}于${formatDateLong(f.issuedAt)}完成《${f.courseTitle}》全部课程学习，并通过结业考核，准予结业。`,
    facts: [
      { label: "结业成绩", value: SCORE_BAND_LABELS[f.band] },
      {
        label: "学时",
        value: `${hours(f.hours.total)} 学时（线上 ${hours(f.hours.online)}，课堂 ${hours(f.hours.classroom)}）`,
      },
      { label: "证书编号", value: f.number },
    ],
    organisation: f.organisation?.name ?? null,
    issuer: f.issuerName,
    signatory: f.signatoryTitle,
    date: formatDateLong(f.issuedAt),
    verifyHint: "扫码核验证书真伪",
    verifyAddress,
    revoked: f.revoked
      ? `本证书已于 ${formatDate(f.revoked.at)} 撤销（${REVOKE_REASON_LABELS[f.revoked.reason]}），不再有效`
      : null,
  };
}
