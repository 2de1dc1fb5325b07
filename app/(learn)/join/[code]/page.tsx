import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { INVITE_PROBLEM_MESSAGES } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { findInvite } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { joinCohortAction } from "../../me/actions";

export const metadata: Metadata = { title: "加入班级" };

type JoinPageProps = { params: Promise<{ code: string }> };

// The invite link a trainer shares: signed-out visitors go to sign-up with the code (from there,
// 登录 keeps it, and signing in joins the class); signed-in learners confirm with one click. A code
// that cannot be used says why, whoever opens it.
export default async function JoinPage({ params }: JoinPageProps) {
  const code = (await params).code.slice(0, 32);
  const [invite, user] = await Promise.all([findInvite(getDb(), code), getCurrentUser()]);
  if (invite.ok && !user) redirect(`/signup?invite=${encodeURIComponent(code)}`);
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">加入班级</h1>
      {!invite.ok ? (
        <>
          <p role="alert" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900">
            {INVITE_PROBLEM_MESSAGES[invite.code]}
          </p>
          <p className="mt-4 text-sm">
            <Link href={user ? "/me" : "/course"} className="text-brand-600 hover:underline">
              {user ? "到“我的”页面填写其他邀请码" : "先浏览课程"}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="mt-4 text-gray-700">
            班级：<strong>{invite.cohort.name}</strong>（培训师：{invite.cohort.trainerName}）
          </p>
          <div className="mt-6">
            <ActionForm
              action={joinCohortAction}
              submitLabel="确认加入"
              afterSuccess="/me"
              fields={[{ name: "inviteCode", label: "邀请码", defaultValue: code, autoComplete: "off" }]}
            />
          </div>
        </>
      )}
    </div>
  );
}
