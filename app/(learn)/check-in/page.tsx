import type { Metadata } from "next";
import Link from "@/components/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { recordCheckIn } from "@/lib/attendance/check-in";
import { CHECK_IN_PROBLEMS } from "@/lib/attendance/labels";
import { PASS_COOKIE, passFromCookie } from "@/lib/attendance/pass-cookie";
import { checkInResultMessage } from "@/lib/attendance/result-message";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { checkInCodeAction } from "./actions";

export const metadata: Metadata = { title: "签到" };

type CheckInPageProps = { searchParams: Promise<{ problem?: string }> };

const LINK_PROBLEMS = { EXPIRED: CHECK_IN_PROBLEMS.EXPIRED, MALFORMED: CHECK_IN_PROBLEMS.MALFORMED } as const;

// Where a scanned QR code lands (through /check-in/:token, which leaves the scan's pass), and the
// typed-code form for phones that cannot scan. Recording the pass here is idempotent (one row per
// learner and session), so a reload or a second scan only says "已签到" with the first time.
export default async function CheckInPage({ searchParams }: CheckInPageProps) {
  const { problem } = await searchParams;
  const linkProblem = problem === "EXPIRED" || problem === "MALFORMED" ? LINK_PROBLEMS[problem] : null;
  const pass = linkProblem ? null : passFromCookie((await cookies()).get(PASS_COOKIE)?.value);
  const user = await getCurrentUser();
  // Signed out with a fresh scan: sign in (or activate) and come straight back here.
  if (!user && pass) redirect(`/login?next=${encodeURIComponent("/check-in")}`);
  const result = user && pass ? await recordCheckIn(getDb(), { ...pass, userId: user.id, at: pass.scannedAt }) : null;

  return (
    <div className="mx-auto w-full max-w-md px-4 py-8">
      <h1 className="text-2xl font-bold text-brand-900">签到</h1>
      {result?.ok && (
        <p role="status" className="mt-4 rounded-lg bg-green-50 p-4 text-lg text-green-900">
          {checkInResultMessage(result)}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-4 text-red-800">
          {CHECK_IN_PROBLEMS[result.code]}
        </p>
      )}
      {linkProblem && (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 p-4 text-amber-900">
          {linkProblem}
        </p>
      )}
      {!result && !linkProblem && <p className="mt-3 text-gray-700">{CHECK_IN_PROBLEMS.NO_PASS}</p>}

      <section className="mt-8" aria-labelledby="code-title">
        <h2 id="code-title" className="text-lg font-semibold">
          输入签到码
        </h2>
        <p className="mt-1 text-sm text-gray-600">相机无法扫码时，输入屏幕上二维码下方的 6 位数字。</p>
        {user ? (
          <div className="mt-4">
            <ActionForm
              action={checkInCodeAction}
              submitLabel="签到"
              fields={[{ name: "code", label: "签到码", type: "text", autoComplete: "one-time-code" }]}
            />
          </div>
        ) : (
          <p className="mt-4">
            <Link
              href={`/login?next=${encodeURIComponent("/check-in")}`}
              className="inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
            >
              登录后输入签到码
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
