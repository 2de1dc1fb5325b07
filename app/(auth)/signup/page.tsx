import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { getCurrentUser } from "@/lib/auth/session";
import { signupAction } from "../actions";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({
  title: "注册",
  description: "注册学习账号：课程内容无需登录即可阅读，注册后可参加测验、记录进度并获得结业证书。",
  path: "/signup",
});

type SignupPageProps = { searchParams: Promise<{ invite?: string }> };

export default async function SignupPage({ searchParams }: SignupPageProps) {
  if (await getCurrentUser()) redirect("/me");
  const invite = (await searchParams).invite;
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">注册学习账号</h1>
      <p className="mt-2 text-sm text-gray-600">课程内容无需登录即可阅读；注册后可参加测验、记录进度并获得证书。</p>
      <div className="mt-6">
        <SignupForm action={signupAction} inviteCode={typeof invite === "string" ? invite.slice(0, 32) : undefined} />
      </div>
      <p className="mt-6 text-sm text-gray-600">
        已有账号？
        <Link href="/login" className="text-brand-600 hover:underline">
          登录
        </Link>
      </p>
    </div>
  );
}
