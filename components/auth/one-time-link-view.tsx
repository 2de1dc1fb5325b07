// The page an activation or reset link opens: whose account it is (name partly masked, the
// sign-in id in full: the learner needs it next), and the new password twice. A link that cannot
// be used gets a page saying why and what to do, never an error.
import Link from "@/components/link";
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/validated-action";
import { maskName, signInIdOf } from "@/lib/auth/account-links";
import { SIGN_IN_ID_LABELS } from "@/lib/auth/identifier";
import { inspectLink } from "@/lib/auth/one-time-links";
import { LINK_PROBLEM_MESSAGES } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { OneTimeLinkPurpose } from "@/lib/generated/prisma/enums";

export type OneTimeLinkViewProps = {
  purpose: OneTimeLinkPurpose;
  token: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export async function OneTimeLinkView({ purpose, token, action }: OneTimeLinkViewProps) {
  const check = await inspectLink(getDb(), token, purpose);
  const title = purpose === "ACTIVATE" ? "开通账号" : "重置密码";
  if (!check.ok) {
    return (
      <div className="mx-auto max-w-sm px-4 py-12">
        <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
        <p role="alert" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900">
          {LINK_PROBLEM_MESSAGES[check.code]}
        </p>
        <p className="mt-6 text-sm">
          <Link href="/login" className="text-brand-600 hover:underline">
            去登录
          </Link>
        </p>
      </div>
    );
  }
  const { holder } = check;
  const id = signInIdOf(holder);
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold text-brand-900">
        {purpose === "ACTIVATE" ? "开通账号，设置密码" : "设置新密码"}
      </h1>
      <dl className="mt-4 space-y-1 rounded-lg bg-brand-50 p-4 text-sm text-gray-800">
        <div>
          <dt className="inline text-gray-600">姓名：</dt>
          <dd className="inline">{maskName(holder.name)}</dd>
        </div>
        {holder.organisation && (
          <div>
            <dt className="inline text-gray-600">单位：</dt>
            <dd className="inline">{holder.organisation.name}</dd>
          </div>
        )}
        {id && (
          <div>
            <dt className="inline text-gray-600">登录账号（{SIGN_IN_ID_LABELS[id.kind]}）：</dt>
            <dd className="inline font-mono font-semibold">{id.value}</dd>
          </div>
        )}
      </dl>
      <p className="mt-3 text-sm text-gray-600">
        不是您本人？请不要继续，并告诉培训师。此链接 {formatDateTime(check.expiresAt)}（北京时间）前有效，只能使用一次。
        {purpose === "RESET" && "设置新密码后，此账号在所有设备上的登录都会退出。"}
      </p>
      <div className="mt-6">
        <ActionForm
          action={action}
          hidden={{ token, purpose }}
          submitLabel="设置密码"
          fields={[
            {
              name: "password",
              label: "新密码",
              type: "password",
              autoComplete: "new-password",
              hint: "至少 8 个字符；可以用一句好记的话，不要用生日、手机号或 12345678 这类常见密码",
            },
            { name: "confirmPassword", label: "再次输入新密码", type: "password", autoComplete: "new-password" },
          ]}
        />
      </div>
    </div>
  );
}
