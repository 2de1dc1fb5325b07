import type { Metadata } from "next";
import Link from "@/components/link";
import { getDb } from "@/lib/db/client";
import { setReminderOptOut, verifyOptOutToken } from "@/lib/reminders/opt-out";

export const metadata: Metadata = { title: "退订学习提醒", robots: { index: false } };

type OptOutPageProps = { params: Promise<{ token: string }> };

// The link at the foot of every reminder mail: opening it opts out (the signature is the
// credential, no sign-in). Opening it twice, or a link scanner opening it first, does no harm:
// it only ever opts out, and /me turns reminders back on.
export default async function OptOutPage({ params }: OptOutPageProps) {
  const { token } = await params;
  const userId = verifyOptOutToken(decodeURIComponent(token));
  if (userId) await setReminderOptOut(getDb(), userId, true);
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">退订学习提醒</h1>
      <p className="mt-4 text-gray-700" role="status">
        {userId ? "您已退订学习提醒邮件，之后不会再收到。" : "退订链接无效，请登录后在“我的”页面退订。"}
      </p>
      <p className="mt-6">
        <Link href="/me" className="text-brand-600 hover:underline">
          前往“我的”页面管理提醒
        </Link>
      </p>
    </div>
  );
}
