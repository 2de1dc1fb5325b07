// Receiving an enquiry from the web (form action or JSON API): the anti-spam screens, then
// storage, then mail after the response has gone. Shared so both doors behave the same.
import "server-only";
import { after } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { submitEnquiry, type SubmitResult } from "./enquiries";
import { checkFormToken, issueFormToken } from "./form-token";
import { notificationsEnabled, sendPendingNotifications } from "./outbox";
import { NOTICE_VERSION, type EnquiryInput } from "./schema";

/** The notice text depends on the retention period, so the stored version names both. */
export const noticeVersion = () => `${NOTICE_VERSION}+${env.ENQUIRY_RETENTION_DAYS}d`;

function secret(): string {
  const s = env.NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET 未设置");
  return s;
}

export const newFormToken = () => issueFormToken(secret());

const contactHint = () => (env.ENQUIRY_CONTACT ? `，或直接联系：${env.ENQUIRY_CONTACT}` : "");

export type Screen =
  | { ok: true; tokenId: string }
  | { ok: false; status: 400; reason: "honeypot" | "missing" | "forged" | "too-fast" | "expired"; message: string };

/** Honeypot and minimum fill time. A refused person is told what to do next. */
export function screenSubmission(raw: Record<string, unknown>): Screen {
  const website = typeof raw.website === "string" ? raw.website : "";
  if (website.trim() !== "") {
    return {
      ok: false,
      status: 400,
      reason: "honeypot",
      message: `提交未成功。如果您不是自动程序，请刷新页面后重新填写${contactHint()}。`,
    };
  }
  const token = checkFormToken(typeof raw.formToken === "string" ? raw.formToken : null, secret());
  if (token.ok) return token;
  const message = {
    "too-fast": "提交得太快了：请确认信息无误后，再点一次“提交”。",
    expired: "页面打开时间过长，请刷新页面后再提交（已填写的留言请先复制保存）。",
    missing: `提交未成功。请刷新页面后重新提交${contactHint()}。`,
    forged: `提交未成功。请刷新页面后重新提交${contactHint()}。`,
  }[token.reason];
  return { ok: false, status: 400, reason: token.reason, message };
}

export async function storeEnquiry(data: EnquiryInput, headers: Headers, tokenId: string): Promise<SubmitResult> {
  const notify = notificationsEnabled();
  const result = await submitEnquiry(getDb(), data, {
    ip: clientIp(headers),
    tokenId,
    notify,
    contact: env.ENQUIRY_CONTACT,
    noticeVersion: noticeVersion(),
  });
  // Mail goes after the response: a slow or broken SMTP server never delays or fails the form.
  if (result.ok && !result.duplicate && notify) after(() => sendPendingNotifications());
  return result;
}
