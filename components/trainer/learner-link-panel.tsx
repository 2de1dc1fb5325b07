"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { ActionState } from "@/lib/actions/validated-action";
import type { LearnerLink } from "@/lib/auth/link-sheet";
import { CopyLink } from "./copy-link";

export type LearnerLinkPanelProps = {
  cohortId: string;
  learnerId: string;
  /** Whether the learner has set a password yet (else the link activates the account). */
  activated: boolean;
  action: (prev: ActionState<LearnerLink>, form: FormData) => Promise<ActionState<LearnerLink>>;
};

/** A trainer issues a one-time reset (or activation) link for this learner; it is shown once. */
export function LearnerLinkPanel({ cohortId, learnerId, activated, action }: LearnerLinkPanelProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const link = state.ok ? state.data : undefined;
  return (
    <section className="mt-8 rounded-lg border border-gray-200 p-4" aria-labelledby="account-link-title">
      <h3 id="account-link-title" className="text-lg font-semibold">
        {activated ? "重置密码" : "账号开通"}
      </h3>
      <p className="mt-1 text-sm text-gray-600">
        {activated
          ? "学员忘记密码时，生成一次性重置链接发给本人（24 小时内有效，只能用一次）。学员用它设置新密码后，所有设备上的登录都会退出。"
          : "该学员尚未开通账号。生成一次性开通链接发给本人（7 天内有效），学员打开后自己设置密码。"}
        生成新链接后，此前的链接作废。您不会看到、也无需设置学员的密码。
      </p>
      <form action={formAction} className="mt-3">
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="learnerId" value={learnerId} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "生成中…" : activated ? "生成重置密码链接" : "生成开通链接"}
        </button>
      </form>
      <div className="mt-3">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      {link && (
        <div className="mt-3 space-y-3">
          <p className="text-sm font-medium text-amber-800">此链接只显示这一次，请现在复制或让学员扫码。</p>
          <CopyLink url={link.url} label={link.purpose === "ACTIVATE" ? "开通链接" : "重置密码链接"} />
          <div className="flex flex-wrap items-end gap-4">
            <div
              role="img"
              aria-label="链接二维码"
              className="h-40 w-40"
              // Drawn on the server by the qrcode package from our own URL: no markup from users.
              dangerouslySetInnerHTML={{ __html: link.qrSvg }}
            />
            <p className="text-sm text-gray-700">有效期至 {link.expires}（北京时间）</p>
          </div>
        </div>
      )}
    </section>
  );
}
