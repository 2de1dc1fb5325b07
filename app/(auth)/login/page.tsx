import type { Metadata } from "next";
import Link from "@/components/link";
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

type LoginPageProps = { searchParams: Promise<{ next?: string; invite?: string; done?: string; from?: string }> };

// Where an activation or reset link sends the learner once the password is set.
const DONE_MESSAGES: Record<string, string> = {
  activated: "账号已开通，密码已设置。请用开通通知上的登录账号（工号、手机号或邮箱）和新密码登录。",
  reset: "密码已重新设置，此前在各设备上的登录均已退出。请用新密码登录。",
};

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
      {typeof params.done === "string" && Object.hasOwn(DONE_MESSAGES, params.done) && (
        <p role="status" className="mt-4 rounded-lg bg-green-50 p-3 text-sm text-green-900">
          {DONE_MESSAGES[params.done]}
        </p>
      )}
      <InviteNotice invite={invite} after="登录" />
      {params.from === "signup" ? (
        <p role="status" className="mt-4 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          注册已提交，请用邮箱和密码登录。如果这个邮箱以前注册过，请用原来的密码登录；忘记了可以点下方的“忘记密码？”。
        </p>
      ) : null}
      <div className="mt-6">
        <LoginForm next={next} inviteCode={inviteCode} afterSignIn={afterSignInAction} />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-brand-600 hover:underline">
          忘记密码？
        </Link>
      </p>
      <p className="mt-2 text-sm text-gray-600">
        还没有账号？
        <Link
          href={inviteCode ? `/signup?invite=${encodeURIComponent(inviteCode)}` : "/signup"}
          className="text-brand-600 underline"
        >
          注册
        </Link>
      </p>
    </div>
  );
}
