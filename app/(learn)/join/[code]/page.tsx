import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { getCurrentUser } from "@/lib/auth/session";
import { joinCohortAction } from "../../me/actions";

export const metadata: Metadata = { title: "加入班级" };

type JoinPageProps = { params: Promise<{ code: string }> };

// The invite link a trainer shares: signed-out visitors sign up with the code filled in;
// signed-in learners confirm with one click.
export default async function JoinPage({ params }: JoinPageProps) {
  const code = (await params).code.slice(0, 32);
  const user = await getCurrentUser();
  if (!user) redirect(`/signup?invite=${encodeURIComponent(code)}`);
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">加入班级</h1>
      <div className="mt-6">
        <ActionForm
          action={joinCohortAction}
          submitLabel="确认加入"
          afterSuccess="/me"
          fields={[{ name: "inviteCode", label: "邀请码", defaultValue: code, autoComplete: "off" }]}
        />
      </div>
    </div>
  );
}
