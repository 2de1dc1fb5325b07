"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { createAccount, endSessions } from "@/lib/auth/accounts";
import { SESSION_COOKIE } from "@/lib/auth/options";
import { signupSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

// Creates the account (and its cohort membership, if an invite code was given); the form then
// signs in with the same credentials through NextAuth.
export const signupAction = validatedAction(signupSchema, async (data) => {
  const result = await createAccount(getDb(), data);
  if (!result.ok) return { fieldErrors: result.fieldErrors, message: "请按提示修改后再提交" };
  return { ok: true, message: "注册成功" };
});

// Sign-out ends the session everywhere: the version bump invalidates every JWT this user holds,
// so a copied cookie stops working too.
export async function signOutAction() {
  const user = await getCurrentUser();
  if (user) await endSessions(getDb(), user.id);
  const jar = await cookies();
  for (const c of jar.getAll()) if (c.name.startsWith(SESSION_COOKIE)) jar.delete(c.name);
  redirect("/");
}
