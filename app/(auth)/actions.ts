"use server";

import { after } from "next/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction, validatedActionWithUser } from "@/lib/actions/validated-action";
import { createAccount, endSessions } from "@/lib/auth/accounts";
import { SESSION_COOKIE } from "@/lib/auth/options";
import {
  afterSignInSchema,
  LINK_PROBLEM_MESSAGES,
  RESET_REQUESTED,
  resetRequestSchema,
  setPasswordSchema,
  signupSchema,
} from "@/lib/auth/schemas";
import { requestPasswordReset } from "@/lib/auth/account-links";
import { setPasswordWithLink } from "@/lib/auth/one-time-links";
import { PASSWORD_PROBLEM_MESSAGES } from "@/lib/auth/password-policy";
import { mailEnabled, mailSiteUrl, sendPendingMail } from "@/lib/mail/outbox";
import { getCurrentUser, landingPath } from "@/lib/auth/session";
import { joinCohort } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { hitLimit, LIMITS } from "@/lib/auth/rate-limit";
import { logSecurityEvent } from "@/lib/security/security-log";

// Creates the account (and its cohort membership, if an invite code was given); the form then
// signs in with the same credentials through NextAuth.
export const signupAction = validatedAction(signupSchema, async (data) => {
  const ip = clientIp(await headers());
  if (await hitLimit(getDb(), LIMITS.signUpPerIp(ip))) {
    logSecurityEvent("signup_refused_rate_limit", { ip });
    return { message: "注册过于频繁，请一小时后再试；如需批量开通账号，请联系培训师。" };
  }
  const result = await createAccount(getDb(), data);
  // A registered email gets the same answer as a new one (issue 14 L2): the page then signs in
  // with what was typed, and if that fails it sends everyone to the sign-in page with one notice
  // for both cases. What is left to tell them apart is that sign-in, under the sign-in limits.
  if (!result.ok && result.code === "EMAIL_TAKEN") return { ok: true, message: "注册成功" };
  if (!result.ok) return { fieldErrors: result.fieldErrors, message: "请按提示修改后再提交" };
  return { ok: true, message: "注册成功" };
});

// Called by the sign-in form once NextAuth has signed the user in: joins the class the invite link
// named, then sends them on to `next` or their start page. On the server, so the start page follows
// the role in the database and the enrolment needs the session, not a claim from the browser.
export const afterSignInAction = validatedActionWithUser(afterSignInSchema, async (data, user) => {
  if (data.inviteCode) {
    const joined = await joinCohort(getDb(), user.id, data.inviteCode);
    // The code stopped working between opening the page and signing in: the join page says why.
    if (!joined.ok) redirect(`/join/${encodeURIComponent(data.inviteCode)}`);
  }
  redirect(landingPath(user.role, data.next));
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

// The set-password form of an activation or reset link. Success ends every session of the account
// and sends the learner to sign in with the new password.
export const setPasswordWithLinkAction = validatedAction(setPasswordSchema, async (data) => {
  const result = await setPasswordWithLink(getDb(), data.token, data.purpose, data.password);
  if (result.ok) redirect(`/login?done=${data.purpose === "ACTIVATE" ? "activated" : "reset"}`);
  if (result.code === "WEAK_PASSWORD") {
    return { fieldErrors: { password: PASSWORD_PROBLEM_MESSAGES[result.problem] }, message: "请按提示修改后再提交" };
  }
  return { message: LINK_PROBLEM_MESSAGES[result.code] };
});

// 忘记密码. The lookup and the mail happen after the answer (next/server `after`), so neither the
// words nor the time taken tell whether the account exists.
export const requestPasswordResetAction = validatedAction(resetRequestSchema, async (data) => {
  const siteUrl = mailSiteUrl();
  if (!mailEnabled() || !siteUrl)
    return { message: "本站未开通邮件找回密码。请联系您的培训师，为您生成重置密码的链接。" };
  const ip = clientIp(await headers());
  if (await hitLimit(getDb(), LIMITS.resetRequestPerIp(ip))) {
    logSecurityEvent("reset_request_refused_rate_limit", { ip });
    return { message: "请求过于频繁，请一小时后再试，或联系培训师为您生成重置密码的链接。" };
  }
  after(async () => {
    await requestPasswordReset(getDb(), data.identifier, siteUrl);
    await sendPendingMail();
  });
  return { ok: true, message: RESET_REQUESTED };
});
