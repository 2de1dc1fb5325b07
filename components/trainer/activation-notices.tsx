"use client";

// Issuing activation links for a cohort and taking them away: the printable 开通通知 (A4, six
// learners a page) and the same links as .xlsx. Both come from one issue, because the links exist
// only in this response (the database keeps their hashes).
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import { OpenInBrowserHint } from "@/components/wechat/download-link";
import { useInWeChat } from "@/components/wechat/use-in-wechat";
import type { ActionState } from "@/lib/actions/validated-action";
import { SIGN_IN_ID_LABELS } from "@/lib/auth/identifier";
import type { ActivationNotices as Notices } from "@/lib/auth/link-sheet";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function downloadXlsx(n: Notices) {
  const bytes = Uint8Array.from(atob(n.xlsxBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = n.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ActivationNoticesProps = {
  cohortId: string;
  /** Learners not activated and without a working link. */
  pending: number;
  /** All learners not activated. */
  total: number;
  action: (prev: ActionState<Notices>, form: FormData) => Promise<ActionState<Notices>>;
};

export function ActivationNotices({ cohortId, pending, total, action }: ActivationNoticesProps) {
  const [state, formAction, busy] = useActionState(action, {});
  const notices = state.ok ? state.data : undefined;
  const inWeChat = useInWeChat();
  return (
    <>
      <form action={formAction} className="no-print mt-4 space-y-3 rounded-lg border border-gray-200 p-4">
        <input type="hidden" name="cohortId" value={cohortId} />
        <fieldset>
          <legend className="font-medium">为哪些学员生成开通通知</legend>
          <label className="mt-2 flex items-start gap-2">
            <input type="radio" name="scope" value="pending" defaultChecked className="mt-1" />
            <span>尚未发放或链接已过期的学员（{pending} 人）</span>
          </label>
          <label className="mt-1 flex items-start gap-2">
            <input type="radio" name="scope" value="all" className="mt-1" />
            <span>全部未开通的学员（{total} 人）——此前打印或下载的开通链接全部作废</span>
          </label>
        </fieldset>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {busy ? "生成中…" : "生成开通通知"}
        </button>
        <FormMessage message={state.message ?? state.fieldErrors?.scope} ok={state.ok} />
      </form>

      {notices && (
        <>
          <div className="no-print mt-4 flex flex-wrap items-center gap-3">
            {inWeChat ? (
              <>
                <OpenInBrowserHint label="打印开通通知" to="print" />
                <OpenInBrowserHint label="下载链接 Excel" />
              </>
            ) : (
              <>
                <button
                  type="button"
                  onClick={() => window.print()}
                  className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
                >
                  打印开通通知
                </button>
                <button
                  type="button"
                  onClick={() => downloadXlsx(notices)}
                  className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50"
                >
                  下载链接 Excel
                </button>
              </>
            )}
            <p className="text-sm text-amber-800">这些链接只在此页显示一次：离开本页前请打印或下载。</p>
          </div>
          <section aria-label="开通通知" className="activation-notices mt-6 grid gap-4 sm:grid-cols-2">
            {notices.entries.map((e) => (
              <article
                key={e.id}
                aria-label={`开通通知：${e.name}`}
                className="activation-notice flex flex-col rounded-lg border border-gray-400 p-4"
              >
                <h3 className="text-lg font-bold">账号开通通知 · {e.name}</h3>
                <p className="text-sm text-gray-700">
                  {[e.organisationName, e.branch, e.department].filter(Boolean).join(" · ")}
                </p>
                <div className="mt-2 flex gap-3">
                  <div
                    role="img"
                    aria-label={`${e.name}的开通链接二维码`}
                    className="h-32 w-32 shrink-0"
                    // Drawn on the server by the qrcode package from our own URL: no markup from users.
                    dangerouslySetInnerHTML={{ __html: e.qrSvg }}
                  />
                  <div className="min-w-0 text-sm">
                    {e.signInId && (
                      <p>
                        登录账号（{SIGN_IN_ID_LABELS[e.signInId.kind]}）：
                        <span className="font-mono font-bold">{e.signInId.value}</span>
                      </p>
                    )}
                    <p className="mt-1">有效期至：{e.expires}（北京时间）</p>
                    <ol className="mt-1 list-decimal pl-4 text-xs text-gray-700">
                      <li>用手机扫描二维码，或在浏览器中输入下方网址；</li>
                      <li>核对姓名，设置自己的密码（至少 8 位）；</li>
                      <li>之后用上面的登录账号和密码登录学习。</li>
                    </ol>
                  </div>
                </div>
                <p className="mt-2 break-all font-mono text-[10px] leading-tight text-gray-700">{e.url}</p>
                <p className="mt-1 text-[10px] text-gray-500">本通知仅限本人使用，请勿转给他人；链接只能使用一次。</p>
              </article>
            ))}
          </section>
        </>
      )}
    </>
  );
}
