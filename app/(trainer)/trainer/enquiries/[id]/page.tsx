import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { EraseForm } from "@/components/enquiry/erase-form";
import { FollowUpForm } from "@/components/enquiry/follow-up-form";
import { recordEnquiryView } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getEnquiry, STATUS_LABELS, STATUSES } from "@/lib/enquiries/enquiries";
import { INTERESTS, type Interest } from "@/lib/enquiries/schema";
import { getDb } from "@/lib/db/client";
import { eraseEnquiryAction, followUpEnquiryAction } from "../actions";

export const metadata: Metadata = { title: "咨询详情" };

type EnquiryPageProps = { params: Promise<{ id: string }> };

const MAIL_STATE: Record<string, string> = {
  PENDING: "待发送（失败会自动重试）",
  SENT: "已发送",
  SKIPPED: "未发送（未配置邮件或信息已删除）",
};

export default async function EnquiryDetailPage({ params }: EnquiryPageProps) {
  const { id } = await params;
  const user = await requireRole(["TRAINER"], `/trainer/enquiries/${id}`);
  const db = getDb();
  const e = await getEnquiry(db, id);
  if (!e) notFound();
  // Full phone and email are shown below: the viewing goes in the audit trail first.
  if (!e.erasedAt) await recordEnquiryView(db, { id: user.id, name: user.name }, e.id);
  const rows: [string, string | number | null][] = [
    ["单位", e.organisation],
    ["职务", e.jobTitle],
    ["手机", e.phone],
    ["邮箱", e.email],
    ["城市", e.city],
    ["咨询意向", e.interest ? (INTERESTS[e.interest as Interest] ?? e.interest) : null],
    ["预计参训人数", e.trainees],
    ["方便联系的时间", e.contactTime],
    ["提交时间", formatDateTime(e.createdAt)],
    ["同意个人信息处理", `${formatDateTime(e.consentAt)}（说明版本 ${e.noticeVersion}）`],
  ];
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <Link href="/trainer/enquiries" className="text-sm text-brand-600 hover:underline">
        ← 咨询收件箱
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-brand-900">{e.name}</h1>
      <p className="mt-1 text-sm text-gray-600">
        状态：<strong>{STATUS_LABELS[e.status]}</strong>
        {e.erasedAt ? ` · 个人信息已于 ${formatDateTime(e.erasedAt)} 删除` : ""}
      </p>

      <div className="mt-6 grid gap-8 md:grid-cols-[1fr_18rem]">
        <section aria-labelledby="details-title">
          <h2 id="details-title" className="sr-only">
            咨询内容
          </h2>
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-gray-500">{label}</dt>
                <dd className="break-all">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mt-6 text-sm font-semibold text-gray-700">留言</h3>
          {/* Plain text: React escapes it, so markup a prospect typed shows as typed and never runs. */}
          <p
            data-testid="enquiry-message"
            className="mt-2 whitespace-pre-wrap break-words rounded-lg bg-gray-50 p-3 text-sm"
          >
            {e.message ?? "（无）"}
          </p>
          <p className="mt-3 text-xs text-gray-500">
            邮件通知：{e.notification ? (MAIL_STATE[e.notification.state] ?? e.notification.state) : "—"}
            {e.notification?.lastError && e.notification.state === "PENDING"
              ? `；上次失败原因：${e.notification.lastError}`
              : ""}
          </p>
          {!e.erasedAt && (
            <p className="mt-1 text-xs text-gray-500">查看、导出和删除联系方式都会记入个人信息操作记录，供合规审查。</p>
          )}

          <h3 className="mt-8 text-lg font-semibold">跟进记录</h3>
          <ul className="mt-3 space-y-3 text-sm" aria-label="跟进记录">
            {[
              ...e.notes.map((n) => ({
                key: `n${n.id}`,
                at: n.createdAt,
                who: n.authorName,
                text: n.body,
                kind: "备注",
              })),
              ...e.changes.map((c) => ({
                key: `c${c.id}`,
                at: c.createdAt,
                who: c.byName,
                text: c.fromStatus
                  ? `状态：${STATUS_LABELS[c.fromStatus]} → ${STATUS_LABELS[c.toStatus]}`
                  : `收到咨询（${STATUS_LABELS[c.toStatus]}）`,
                kind: "状态",
              })),
            ]
              .sort((a, b) => b.at.getTime() - a.at.getTime())
              .map((item) => (
                <li key={item.key} className="border-l-2 border-brand-100 pl-3">
                  <p className="text-xs text-gray-500">
                    {formatDateTime(item.at)} · {item.who} · {item.kind}
                  </p>
                  <p className="whitespace-pre-wrap">{item.text}</p>
                </li>
              ))}
          </ul>
        </section>

        <aside className="space-y-8">
          {e.erasedAt ? (
            <p className="text-sm text-gray-600">个人信息已删除，不能再跟进。</p>
          ) : (
            <>
              <section aria-labelledby="follow-title">
                <h2 id="follow-title" className="text-lg font-semibold">
                  跟进
                </h2>
                <div className="mt-3">
                  <FollowUpForm
                    action={followUpEnquiryAction}
                    enquiryId={e.id}
                    status={e.status}
                    statuses={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                  />
                </div>
              </section>
              <section aria-labelledby="erase-title" className="rounded-lg border border-red-200 p-3">
                <h2 id="erase-title" className="text-sm font-semibold text-red-800">
                  按要求删除
                </h2>
                <div className="mt-2">
                  <EraseForm action={eraseEnquiryAction} enquiryId={e.id} />
                </div>
              </section>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
