import type { Metadata } from "next";
import Link from "@/components/link";
import { ActionForm } from "@/components/forms/action-form";
import { mailEnabled } from "@/lib/mail/outbox";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { requestPasswordResetAction } from "../actions";

export const metadata: Metadata = pageMetadata({
  title: "忘记密码",
  description: "通过邮箱找回学习账号的密码，或请培训师生成重置链接。",
  path: "/forgot-password",
});

// Rendered per request: whether mail is configured is read at run time, not build time.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">忘记密码</h1>
      {mailEnabled() ? (
        <>
          <p className="mt-2 text-sm text-gray-600">
            填写您登录用的邮箱、手机号或工号。账号登记了邮箱的，我们会把重置密码的链接发到该邮箱（24
            小时内有效）。没有登记邮箱的，请联系培训师为您生成链接。
          </p>
          <div className="mt-6">
            <ActionForm
              action={requestPasswordResetAction}
              submitLabel="发送重置链接"
              fields={[
                {
                  name: "identifier",
                  label: "邮箱 / 手机号 / 工号",
                  autoComplete: "username",
                  hint: "工号不唯一时请加机构代码，如 PAB-10086",
                },
              ]}
            />
          </div>
        </>
      ) : (
        <p className="mt-6 rounded-lg bg-brand-50 p-4 text-gray-800">
          本站未开通邮件找回密码。请联系您的培训师，为您生成重置密码的链接；用链接设置新密码后即可登录。
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-brand-600 hover:underline">
          返回登录
        </Link>
      </p>
    </div>
  );
}
