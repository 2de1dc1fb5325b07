import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({
  title: "登录",
  description: "登录学习账号，参加测验、保存学习进度。",
  path: "/login",
});

type LoginPageProps = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const next = safeReturnPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">登录</h1>
      <p className="mt-2 text-sm text-gray-600">登录后可参加测验、保存学习进度。</p>
      <div className="mt-6">
        <LoginForm next={next} />
      </div>
      <p className="mt-6 text-sm text-gray-600">
        还没有账号？
        <Link href="/signup" className="text-brand-600 hover:underline">
          注册
        </Link>
      </p>
    </div>
  );
}
