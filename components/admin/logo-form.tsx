"use client";

// Uploading or removing an organisation's logo. The size is also checked here before sending: a
// file over the server actions' body limit (1 MB) would otherwise fail before our own check runs.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { LOGO_MAX_BYTES, LOGO_PROBLEM_MESSAGES } from "@/lib/organisations/schema";
import { Field, FormMessage } from "@/components/forms/field";
import { useFileSizeCheck } from "@/components/forms/use-file-size-check";

export type LogoFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  organisationId: string;
  hasLogo: boolean;
};

export function LogoForm({ action, organisationId, hasLogo }: LogoFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const { tooLarge, onSubmit } = useFileSizeCheck("logo", LOGO_MAX_BYTES);
  const error = tooLarge ? LOGO_PROBLEM_MESSAGES.LOGO_TOO_LARGE.message : state.fieldErrors?.logo;
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormMessage
          message={tooLarge ? error : (state.message ?? state.fieldErrors?.form)}
          ok={!tooLarge && state.ok}
        />
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="op" value="upload" />
        <Field
          key={state.ok ? "saved" : "editing"}
          name="logo"
          label="机构标志图片"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          hint="PNG、JPEG 或 WebP，不超过 512 KB；显示在本机构的班级页和客户培训管理员的首页"
          error={error}
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "提交中…" : "上传标志"}
        </button>
      </form>
      {hasLogo && (
        <form action={formAction}>
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="op" value="remove" />
          <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline">
            删除标志
          </button>
        </form>
      )}
    </div>
  );
}
