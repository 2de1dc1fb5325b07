import type { Metadata } from "next";
import { EnquiryForm } from "@/components/enquiry/enquiry-form";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { submitEnquiryAction } from "./actions";

export const metadata: Metadata = pageMetadata({
  title: "咨询内训",
  description: "填写信息，即有专人与您沟通：本课程、银行内训定制与业务咨询。",
  path: "/enquiry",
});

export default function EnquiryPage() {
  // Prerendered like the landing page (issue 19: its scripts load after the first paint); the form
  // fetches its start-time token, and without JavaScript the server hands one back on the first 提交.
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">咨询内训与课程</h1>
      <p className="mt-3 text-gray-700">
        填写信息，即有专人与您沟通。我们会在 1 个工作日内通过您留下的手机或邮箱联系您，了解团队情况后给出培训方案建议。
        带 * 的为必填项，手机号和邮箱至少填写一项。
      </p>
      <div className="mt-8">
        <EnquiryForm action={submitEnquiryAction} retentionDays={env.ENQUIRY_RETENTION_DAYS} />
      </div>
    </div>
  );
}
