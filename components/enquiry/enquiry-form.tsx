"use client";
// The enquiry form (full on /enquiry, compact on the landing page and the course overview).
// Checked in the browser with the same zod schema the server uses, so messages appear before a
// round trip and match the server's exactly. The schema (zod, ~30 KB compressed) loads when the
// prospect first focuses the form, not with the page (issue 19: the landing page's load); a
// submit before it has arrived is checked by the server alone, with the same messages. Carries a
// honeypot field and a signed start-time token (minimum fill time), fetched when the form appears
// (every page with the form is static); a submit without one gets a fresh token from the server.
import Link from "@/components/link";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { INTERESTS } from "@/lib/enquiries/form-options";
import { Field, FormMessage } from "@/components/forms/field";
import type { errorsOf as ErrorsOf } from "./enquiry-check";
import { PrivacyNotice } from "./privacy-notice";
import { inOwnTask } from "@/components/in-own-task";

export type EnquiryFormProps = {
  action: (prev: ActionState<{ formToken: string }>, form: FormData) => Promise<ActionState<{ formToken: string }>>;
  retentionDays: number;
  compact?: boolean;
};

export function EnquiryForm({ action, retentionDays, compact = false }: EnquiryFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const [token, setToken] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [messageLength, setMessageLength] = useState(0);
  const errorsOf = useRef<typeof ErrorsOf | null>(null);

  function loadCheck() {
    if (errorsOf.current) return;
    void import("./enquiry-check").then((m) => {
      errorsOf.current = m.errorsOf;
    });
  }

  useEffect(() => {
    if (token) return;
    return inOwnTask(
      () =>
        void fetch("/api/enquiries/token", { cache: "no-store" })
          .then((r) => (r.ok ? r.json() : null))
          .then((body: { token?: string } | null) => body?.token && setToken(body.token))
          .catch(() => {}),
    );
  }, [token]);

  const errors = clientErrors ?? state.fieldErrors ?? {};
  const values = state.values ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const found = errorsOf.current?.(event.currentTarget) ?? {};
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setClientErrors(found);
      const first = event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`);
      first?.focus();
      return;
    }
    setClientErrors(null);
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    // Once a field has been flagged, re-check as the prospect corrects it.
    if (clientErrors && errorsOf.current) setClientErrors(errorsOf.current(event.currentTarget));
  }

  const message = clientErrors && Object.keys(clientErrors).length ? "请按提示修改后再提交" : state.message;
  const field = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <Field name={name} label={label} defaultValue={values[name]} error={errors[name]} {...extra} />
  );

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onInput={onInput}
      onFocus={loadCheck}
      noValidate
      className="space-y-4"
      aria-label={compact ? "快速咨询" : "咨询表单"}
    >
      <FormMessage message={message} ok={state.ok} />
      <div className="grid gap-4 sm:grid-cols-2">
        {field("name", "姓名 *", { autoComplete: "name", maxLength: 50 })}
        {field("organisation", "单位（银行 / 分支机构）*", { autoComplete: "organization", maxLength: 100 })}
        {compact ? null : field("jobTitle", "职务", { autoComplete: "organization-title", maxLength: 50 })}
        {field("phone", "手机号", {
          type: "tel",
          inputMode: "tel",
          autoComplete: "tel",
          hint: "手机号和邮箱至少填一项",
        })}
        {field("email", "邮箱", { type: "email", inputMode: "email", autoComplete: "email" })}
        {compact ? null : field("city", "城市", { autoComplete: "address-level2", maxLength: 30 })}
      </div>
      {compact ? null : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <div>
              <label htmlFor="interest" className="block font-medium text-gray-800">
                咨询意向
              </label>
              <select
                id="interest"
                name="interest"
                defaultValue={values.interest ?? ""}
                aria-invalid={errors.interest ? true : undefined}
                className="mt-1 w-full rounded-lg border border-gray-300 px-3 py-2"
              >
                <option value="">请选择</option>
                {Object.entries(INTERESTS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
              {errors.interest ? <p className="mt-1 text-sm text-red-700">{errors.interest}</p> : null}
            </div>
            {field("trainees", "预计参训人数", { inputMode: "numeric", maxLength: 6 })}
            {field("contactTime", "方便联系的时间", { placeholder: "如：工作日下午", maxLength: 50 })}
          </div>
          <div>
            <label htmlFor="message" className="block font-medium text-gray-800">
              留言
            </label>
            <textarea
              id="message"
              name="message"
              rows={5}
              maxLength={2000}
              defaultValue={values.message}
              onChange={(e) => setMessageLength(e.target.value.length)}
              aria-invalid={errors.message ? true : undefined}
              aria-describedby="message-count"
              className={`mt-1 w-full rounded-lg border px-3 py-2 ${errors.message ? "border-red-600" : "border-gray-300"}`}
              placeholder="想了解的内容、团队情况、希望的培训形式等"
            />
            <p id="message-count" className="mt-1 text-right text-xs text-gray-500">
              {messageLength} / 2000
            </p>
            {errors.message ? <p className="text-sm text-red-700">{errors.message}</p> : null}
          </div>
        </>
      )}

      {/* Honeypot: invisible to people (and to screen readers), irresistible to form-filling bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">网站（请勿填写）</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name="formToken" value={token || state.data?.formToken || ""} />

      <PrivacyNotice retentionDays={retentionDays} />
      <div>
        <label className="flex items-start gap-2 text-sm text-gray-800">
          <input
            type="checkbox"
            name="consent"
            id="consent"
            className="mt-1 h-4 w-4"
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby="privacy-notice"
          />
          <span>我已阅读并同意上述《个人信息处理说明》，同意运营方为联系我而处理我填写的信息。</span>
        </label>
        {errors.consent ? <p className="mt-1 text-sm text-red-700">{errors.consent}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "提交中…" : "提交"}
        </button>
        {compact ? (
          <Link href="/enquiry" className="text-sm text-brand-600 hover:underline">
            填写完整需求（意向、人数、留言）→
          </Link>
        ) : null}
      </div>
    </form>
  );
}
