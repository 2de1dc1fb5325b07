import type { Metadata } from "next";
import Link from "@/components/link";

export const metadata: Metadata = { title: "已收到您的咨询" };

export default function EnquiryThanksPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold text-brand-900">谢谢，我们已收到您的咨询</h1>
      <ol className="mt-6 list-decimal space-y-2 pl-5 text-gray-700">
        <li>课程顾问会在 1 个工作日内通过您留下的手机或邮箱与您联系。</li>
        <li>沟通后，我们会根据团队规模和业务重点，给出课程与内训方案建议。</li>
        <li>如需补充信息，可以再次提交表单，并在留言中说明是补充。</li>
      </ol>
      <p className="mt-6 text-sm text-gray-600">
        您的信息只用于与您联系，到期自动删除；如需删除，回复我们的邮件或电话告知即可。
      </p>
      <p className="mt-8 flex flex-wrap gap-4">
        <Link
          href="/course"
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
        >
          先看看课程
        </Link>
        <Link href="/cases" className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700">
          浏览银行案例
        </Link>
      </p>
    </div>
  );
}
