import { INVITE_PROBLEM_MESSAGES } from "@/lib/auth/schemas";
import type { Invite } from "@/lib/cohorts/cohorts";

export type InviteNoticeProps = { invite: Invite | null; after: "注册" | "登录" };

/** Names the class an invite link leads to on the sign-up and sign-in pages, or says why the
 * code cannot be used. Nothing without an invite. */
export function InviteNotice({ invite, after }: InviteNoticeProps) {
  if (!invite) return null;
  if (!invite.ok) {
    return (
      <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
        {INVITE_PROBLEM_MESSAGES[invite.code]}
      </p>
    );
  }
  return (
    <section aria-label="要加入的班级" className="mt-4 rounded-lg bg-brand-50 p-3 text-sm text-brand-900">
      {after}后将加入班级：<strong>{invite.cohort.name}</strong>（培训师：{invite.cohort.trainerName}）
    </section>
  );
}
