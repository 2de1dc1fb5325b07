import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { InviteNotice } from "@/components/auth/invite-notice";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser, landingPath } from "@/lib/auth/session";
import { findInvite } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { afterSignInAction } from "../actions";

export const metadata: Metadata = pageMetadata({
  title: "登录",
  description: "登录学习账号，参加测验、保存学习进度。",
  path: "/login",
});

type LoginPageProps = { searchParams: Promise<{ next?: string; invite?: string; from?: string }> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : null;
  // An invite link's code travels with the visitor (join → sign-up → sign-in and back).
  const code = typeof params.invite === "string" ? params.invite.slice(0, 32) : null;
  const user = await getCurrentUser();
  if (user) redirect(code ? `/join/${encodeURIComponent(code)}` : landingPath(user.role, next));
  const invite = code ? await findInvite(getDb(), code) : null;
  const inviteCode = invite?.ok ? code! : undefined;
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">登录</h1>
      <p className="mt-2 text-sm text-gray-600">登录后可参加测验、保存学习进度。</p>
      <InviteNotice invite={invite} after="登录" />
      {params.from === "signup" ? (
        <p role="status" className="mt-4 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          注册已提交，请用邮箱和密码登录。如果这个邮箱以前注册过，请用原来的密码登录；忘记密码可以请培训师重置。
        </p>
      ) : null}
      <div className="mt-6">
        <LoginForm next={next} inviteCode={inviteCode} afterSignIn={afterSignInAction} />
      </div>
      <p className="mt-6 text-sm text-gray-600">
        还没有账号？
        <Link
          href={inviteCode ? `/signup?invite=${encodeURIComponent(inviteCode)}` : "/signup"}
          className="text-brand-600 hover:underline"
        >
          注册
        </Link>
      </p>
    </div>
  );
}
