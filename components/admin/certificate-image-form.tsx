"use client";

// Uploading or removing the certificate's seal or signature image. The size is also checked here
// before sending: a file over the server actions' body limit (1 MB) would otherwise fail before
// our own check runs.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Field, FormMessage } from "@/components/forms/field";
import { useFileSizeCheck } from "@/components/forms/use-file-size-check";

export type CertificateImageFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  kind: "seal" | "signature";
  label: string;
  hint: string;
  hasImage: boolean;
  maxBytes: number;
  tooLargeMessage: string;
};

export function CertificateImageForm({
  action,
  kind,
  label,
  hint,
  hasImage,
  maxBytes,
  tooLargeMessage,
}: CertificateImageFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const { tooLarge, onSubmit } = useFileSizeCheck(kind, maxBytes);
  const error = tooLarge ? tooLargeMessage : state.fieldErrors?.[kind];
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormMessage
          message={tooLarge ? error : (state.message ?? state.fieldErrors?.form)}
          ok={!tooLarge && state.ok}
        />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="op" value="upload" />
        <Field
          key={state.ok ? "saved" : "editing"}
          name={kind}
          label={label}
          type="file"
          accept="image/png,image/jpeg"
          hint={hint}
          error={error}
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "提交中…" : `上传${label}`}
        </button>
      </form>
      {hasImage && (
        <form action={formAction}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="op" value="remove" />
          <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline">
            删除{label}
          </button>
        </form>
      )}
    </div>
  );
}
