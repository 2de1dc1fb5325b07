"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useHydrated } from "@/components/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";
import { loginSchema } from "@/lib/auth/schemas";

export type LoginFormProps = {
  /** Where the visitor was going (checked on the server); null: their start page. */
  next: string | null;
  /** The class an invite link named: joined right after signing in. */
  inviteCode?: string;
  /** Joins the class and redirects to the destination (server action). */
  afterSignIn: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export function LoginForm({ next, inviteCode, afterSignIn }: LoginFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  // Until the page is interactive the button waits: a native submit would not sign in.
  const hydrated = useHydrated();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = loginSchema.safeParse({ identifier: form.get("identifier"), password: form.get("password") });
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const i of parsed.error.issues) fe[String(i.path[0])] ??= i.message;
      setErrors(fe);
      setMessage(undefined);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await signIn("credentials", { ...parsed.data, redirect: false });
      if (res?.ok && !res.error) {
        // Signed in: the server joins the class (if invited) and redirects by role or to `next`.
        const after = new FormData();
        if (next) after.set("next", next);
        if (inviteCode) after.set("inviteCode", inviteCode);
        const r = await afterSignIn({}, after);
        // Only reached when the server did not redirect.
        setMessage(r.message ?? "已登录，但无法跳转，请刷新页面。");
        return;
      }
      if (res?.error === "ACCOUNT_LOCKED")
        setMessage("该账号近期密码错误次数过多，已暂时锁定。请在常用设备上登录，或联系培训管理员解除。");
      else if (res?.status === 429 || res?.error === "RATE_LIMITED")
        setMessage("尝试次数过多，请稍后再试。如忘记密码，请联系培训管理员。");
      else if (res?.error === "ACCOUNT_DISABLED") setMessage("该账号已停用，请联系培训管理员。");
      else setMessage("账号或密码不正确");
    } catch {
      setMessage("网络异常，请稍后重试");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <FormMessage message={message} />
      <Field
        name="identifier"
        label="邮箱 / 手机号 / 工号"
        type="text"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint="由单位统一开通的账号可用手机号或工号登录；如提示工号不唯一，请在工号前加机构代码，如 PAB-10086"
        error={errors.identifier}
      />
      <Field name="password" label="密码" type="password" autoComplete="current-password" error={errors.password} />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {!hydrated ? "加载中…" : pending ? "登录中…" : "登录"}
      </button>
    </form>
  );
}
