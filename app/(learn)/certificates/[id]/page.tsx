import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/link";
import { forbidden, notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { PrintButton } from "@/components/print-button";
import { DownloadLink } from "@/components/wechat/download-link";
import { requireUser } from "@/lib/auth/session";
import { authoriseCertificate } from "@/lib/certificates/facts";
import { REVOKE_REASON_LABELS, REVOKE_REASONS } from "@/lib/certificates/rules";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/format/beijing-time";
import { isWeChatRequest } from "@/lib/wechat/user-agent";
import { revokeCertificateAction } from "./actions";

type CertificatePageProps = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "结业证书", robots: { index: false, follow: false } };

// The certificate in full, for its holder, the staff of its class and its bank's client admins
// (decision 0030); anyone else checks it on the public verification page /verify/<number>.
// The picture is the server-drawn PNG: the same image is saved in WeChat, downloaded and printed.
export default async function CertificatePage({ params }: CertificatePageProps) {
  const { id } = await params;
  const user = await requireUser(`/certificates/${encodeURIComponent(id)}`);
  const access = await authoriseCertificate(getDb(), user, id);
  if (!access.ok) return access.code === "NOT_FOUND" ? notFound() : forbidden();
  const { facts, canRevoke } = access;
  const png = `/api/certificates/${facts.number}/png`;
  const inWeChat = isWeChatRequest(await headers());
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 print:p-0">
      <div className="no-print">
        <h1 className="text-2xl font-bold text-brand-900">结业证书</h1>
        {facts.revoked ? (
          <p role="status" className="mt-4 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
            已撤销：本证书已于 {formatDate(facts.revoked.at)} 撤销（{REVOKE_REASON_LABELS[facts.revoked.reason]}
            ），不再有效。
          </p>
        ) : null}
        <p className="mt-2 text-sm text-gray-600">在微信中：长按下方图片，选择“保存图片”即可存到手机相册。</p>
      </div>
      <div className="certificate-print mt-4 print:mt-0">
        {/* eslint-disable-next-line @next/next/no-img-element -- drawn per request with the viewer's access check */}
        <img
          src={png}
          width={1754}
          height={1240}
          alt={`结业证书：${facts.name}，《${facts.courseTitle}》，证书编号 ${facts.number}`}
          className="h-auto w-full border border-gray-200 shadow-sm print:border-0 print:shadow-none"
        />
      </div>
      <div className="no-print mt-6 flex flex-wrap items-center gap-3">
        {/* In WeChat the PNG opens as a picture to long-press (no download there), and the PDF
            becomes the "open in the browser" hint (components/wechat/download-link.tsx). */}
        <DownloadLink
          href={inWeChat ? png : `${png}?download=1`}
          download
          kind="image"
          inWeChat={inWeChat}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          下载图片（PNG）
        </DownloadLink>
        <DownloadLink
          href={`/api/certificates/${facts.number}/pdf`}
          download
          inWeChat={inWeChat}
          className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50"
        >
          下载 PDF
        </DownloadLink>
        <PrintButton />
        <Link href={`/verify/${facts.number}`} className="text-brand-600 underline">
          证书核验页
        </Link>
      </div>
      {canRevoke && !facts.revoked ? (
        <section
          aria-labelledby="revoke-heading"
          className="no-print mt-10 max-w-xl rounded-lg border border-red-200 p-5"
        >
          <h2 id="revoke-heading" className="text-lg font-semibold text-red-800">
            撤销证书
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            撤销后，证书和核验页都显示“已撤销”及撤销日期和原因类别，不能恢复；此操作记入操作记录。撤销说明只有培训师和管理员可见。
          </p>
          <div className="mt-4">
            <ActionForm
              action={revokeCertificateAction}
              hidden={{ certificateId: facts.number }}
              submitLabel="撤销证书"
              fields={[
                {
                  name: "reason",
                  label: "撤销原因",
                  options: [
                    { value: "", label: "请选择" },
                    ...REVOKE_REASONS.map((r) => ({ value: r, label: REVOKE_REASON_LABELS[r] })),
                  ],
                },
                { name: "note", label: "撤销说明", hint: "写明事实和依据，至少 4 个字" },
              ]}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}
