import type { Metadata } from "next";
import { OneTimeLinkView } from "@/components/auth/one-time-link-view";
import { setPasswordWithLinkAction } from "../../actions";

export const metadata: Metadata = { title: "重置密码", robots: { index: false, follow: false } };

type ResetPasswordPageProps = { params: Promise<{ token: string }> };

// Public: the link itself is the credential (lib/auth/one-time-links.ts).
export default async function ResetPasswordPage({ params }: ResetPasswordPageProps) {
  const { token } = await params;
  return <OneTimeLinkView purpose="RESET" token={token} action={setPasswordWithLinkAction} />;
}
