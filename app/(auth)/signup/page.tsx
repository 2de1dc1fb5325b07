import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { InviteNotice } from "@/components/auth/invite-notice";
import { SignupForm } from "@/components/auth/signup-form";
import { getCurrentUser, landingPath } from "@/lib/auth/session";
import { findInvite } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { signupAction } from "../actions";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({
  title: "注册",
  description: "注册学习账号：课程内容无需登录即可阅读，注册后可参加测验、记录进度并获得结业证书。",
  path: "/signup",
});

type SignupPageProps = { searchParams: Promise<{ invite?: string }> };

export default async function SignupPage({ searchParams }: SignupPageProps) {
  const raw = (await searchParams).invite;
  const code = typeof raw === "string" ? raw.slice(0, 32) : null;
  const user = await getCurrentUser();
  if (user) redirect(code ? `/join/${encodeURIComponent(code)}` : landingPath(user.role, null));
  const invite = code ? await findInvite(getDb(), code) : null;
  // A code that cannot be used is explained above the form, not filled in to fail on submit.
  const inviteCode = invite?.ok ? code! : undefined;
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">注册学习账号</h1>
      <p className="mt-2 text-sm text-gray-600">课程内容无需登录即可阅读；注册后可参加测验、记录进度并获得证书。</p>
      <InviteNotice invite={invite} after="注册" />
      <div className="mt-6">
        <SignupForm action={signupAction} inviteCode={inviteCode} />
      </div>
      <p className="mt-6 text-sm text-gray-600">
        已有账号？
        <Link
          href={inviteCode ? `/login?invite=${encodeURIComponent(inviteCode)}` : "/login"}
          className="text-brand-600 underline"
        >
          登录
        </Link>
      </p>
    </div>
  );
}
