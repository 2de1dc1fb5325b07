// "填写信息,即有专人与您沟通": the compact enquiry form closing the landing page and the course
// overview. Those pages are static; the form fetches its start-time token when it appears.
import { submitEnquiryAction } from "@/app/(marketing)/enquiry/actions";
import { env } from "@/lib/env";
import { t } from "@/lib/i18n/zh-cn";
import { EnquiryForm } from "./enquiry-form";

export function EnquirySection() {
  return (
    <section
      id="enquiry"
      aria-labelledby="enquiry-title"
      className="rounded-xl border border-brand-100 bg-brand-50/60 p-5 sm:p-8"
    >
      <h2 id="enquiry-title" className="text-2xl font-bold text-brand-900">
        {t.landing.contact}
      </h2>
      <p className="mt-2 text-gray-700">
        为您的信用卡团队安排内训，或想先了解课程？留下联系方式，课程顾问会在 1 个工作日内联系您。
      </p>
      <div className="mt-6">
        <EnquiryForm action={submitEnquiryAction} retentionDays={env.ENQUIRY_RETENTION_DAYS} compact />
      </div>
    </section>
  );
}
