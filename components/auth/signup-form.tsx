"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useHydrated } from "@/components/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

export type SignupFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  inviteCode?: string;
};

export function SignupForm({ action, inviteCode }: SignupFormProps) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, {});
  // Until the page is interactive the button waits: a native submit would not sign up.
  const hydrated = useHydrated();
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state.ok || !credentials.current) return;
    // Sign in with what was just typed, then go to the profile page. If that fails (the email was
    // registered before, with another password) the sign-in page says what to do; the sign-up
    // answer itself is the same either way.
    void signIn("credentials", { ...credentials.current, redirect: false }).then((r) => {
      if (r?.ok && !r.error) {
        router.replace("/me");
        router.refresh();
      } else {
        router.replace("/login?from=signup");
      }
    });
  }, [state.ok, router]);

  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={(form) => {
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
        return formAction(form);
      }}
      method="post"
      noValidate
      className="space-y-4"
    >
      <FormMessage message={state.ok ? "注册成功，正在登录…" : state.message} ok={state.ok} />
      <Field name="name" label="姓名" autoComplete="name" defaultValue={v.name} error={e.name} maxLength={200} />
      <Field
        name="email"
        label="邮箱"
        type="email"
        autoComplete="email"
        inputMode="email"
        defaultValue={v.email}
        error={e.email}
      />
      <Field
        name="password"
        label="密码"
        type="password"
        autoComplete="new-password"
        hint="至少 8 个字符；可以用一句好记的话"
        error={e.password}
      />
      <Field
        name="inviteCode"
        label="班级邀请码（选填）"
        autoComplete="off"
        defaultValue={v.inviteCode ?? inviteCode}
        hint="培训师给您的 8 位邀请码，可稍后在“我的”页面填写"
        error={e.inviteCode}
      />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {!hydrated ? "加载中…" : pending ? "提交中…" : "注册"}
      </button>
    </form>
  );
}
