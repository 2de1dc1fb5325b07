import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { CertificateImageForm } from "@/components/admin/certificate-image-form";
import { ActionForm } from "@/components/forms/action-form";
import { requireRole } from "@/lib/auth/session";
import { ARTWORK_MAX_BYTES, getCertificateDesignSummary } from "@/lib/certificates/design";
import { DESIGN_PROBLEM_MESSAGES } from "@/lib/certificates/schema";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { certificateImageAction, certificateWordingAction } from "./actions";

export const metadata: Metadata = { title: "证书设置" };

// What every certificate carries besides the learner's facts (decision 0030): the issuer, the
// signatory's title, the seal and the signature. Changes apply to certificates drawn from now on.
export default async function CertificateSettingsPage() {
  await requireRole(["ADMIN"], "/admin/certificate");
  const design = await getCertificateDesignSummary(getDb());
  const images = [
    {
      kind: "seal" as const,
      label: "印章",
      has: design.hasSeal,
      hint: "PNG 或 JPEG，不超过 512 KB；建议透明背景的 PNG，约 400×400 像素，盖在落款处",
    },
    {
      kind: "signature" as const,
      label: "签名",
      has: design.hasSignature,
      hint: "PNG 或 JPEG，不超过 512 KB；建议透明背景的 PNG，宽高比约 3:1，显示在签署人职务旁",
    },
  ];
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <AdminNav current="/admin/certificate" />
      <h1 className="mt-6 text-3xl font-bold text-brand-900">证书设置</h1>
      <p className="mt-2 text-sm text-gray-600">
        结业证书（图片、PDF、打印）上的颁发机构、签署人职务、印章和签名。保存后新生成的证书即按此显示。
        {design.updatedAt ? `最近修改：${formatDateTime(design.updatedAt)}。` : "尚未设置，证书暂用默认文字。"}
      </p>
      <div className="mt-8 grid gap-10 lg:grid-cols-3">
        <section>
          <h2 className="text-xl font-semibold">颁发机构与签署人</h2>
          <div className="mt-4">
            <ActionForm
              action={certificateWordingAction}
              submitLabel="保存"
              fields={[
                {
                  name: "issuerName",
                  label: "颁发机构名称",
                  defaultValue: design.issuerName,
                  hint: "如：某某管理咨询有限公司；结项报告中的“培训实施”方也用这个名称",
                },
                {
                  name: "signatoryTitle",
                  label: "签署人职务",
                  defaultValue: design.signatoryTitle,
                  hint: "如：培训负责人",
                },
              ]}
            />
          </div>
        </section>
        {images.map((image) => (
          <section key={image.kind}>
            <h2 className="text-xl font-semibold">{image.label}</h2>
            <p className="mt-1 text-sm text-gray-600">
              {image.has ? `已上传${image.label}。` : `还没有上传${image.label}。`}
            </p>
            <div className="mt-4">
              <CertificateImageForm
                action={certificateImageAction}
                kind={image.kind}
                label={image.label}
                hint={image.hint}
                hasImage={image.has}
                maxBytes={ARTWORK_MAX_BYTES}
                tooLargeMessage={DESIGN_PROBLEM_MESSAGES.IMAGE_TOO_LARGE}
              />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
