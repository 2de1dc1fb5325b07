// The one helper every server action goes through: parse the FormData with a zod schema, answer
// with Chinese field-level messages for useActionState when it does not fit (changing nothing),
// otherwise do the work. Variants add the signed-in user or a role check first.
import "server-only";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireRole, requireUser, type CurrentUser } from "@/lib/auth/session";

export type ActionState<D = never> = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed (never passwords), so a rejected form keeps its values. */
  values?: Record<string, string>;
  /** What a successful action hands back to its form beyond a message (e.g. links shown once). */
  data?: D;
};

const SECRET_FIELDS = /password/i;

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

function keepValues(values: Record<string, string>) {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k)));
}

type Work<S extends z.ZodType, Extra extends unknown[], D> = (
  data: z.infer<S>,
  ...rest: [...Extra, FormData]
) => Promise<ActionState<D> | void>;

async function run<S extends z.ZodType, D>(
  schema: S,
  formData: FormData,
  work: (data: z.infer<S>) => Promise<ActionState<D> | void>,
): Promise<ActionState<D>> {
  // A hand-made request can call an action with anything as its arguments: no form, no work.
  if (!(formData instanceof FormData)) return { message: "请求格式不正确，请刷新页面后重试" };
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsOf(parsed.error), message: "请按提示修改后再提交", values: keepValues(values) };
  }
  const result = (await work(parsed.data)) ?? { ok: true };
  return result.ok ? result : { ...result, values: keepValues(values) };
}

export function validatedAction<S extends z.ZodType, D = never>(schema: S, work: Work<S, [], D>) {
  return async (_prev: ActionState<D>, formData: FormData): Promise<ActionState<D>> =>
    run(schema, formData, (data) => work(data, formData));
}

export function validatedActionWithUser<S extends z.ZodType, D = never>(
  schema: S,
  work: Work<S, [CurrentUser], D>,
  roles?: Role[],
) {
  return async (_prev: ActionState<D>, formData: FormData): Promise<ActionState<D>> => {
    // Authorisation first: a signed-out or under-privileged caller learns nothing from validation.
    const user = roles ? await requireRole(roles) : await requireUser();
    return run(schema, formData, (data) => work(data, user, formData));
  };
}
