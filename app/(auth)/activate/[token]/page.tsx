import type { Metadata } from "next";
import { OneTimeLinkView } from "@/components/auth/one-time-link-view";
import { setPasswordWithLinkAction } from "../../actions";

export const metadata: Metadata = { title: "开通账号", robots: { index: false, follow: false } };

type ActivatePageProps = { params: Promise<{ token: string }> };

// Public: the link itself is the credential (lib/auth/one-time-links.ts).
export default async function ActivatePage({ params }: ActivatePageProps) {
  const { token } = await params;
  return <OneTimeLinkView purpose="ACTIVATE" token={token} action={setPasswordWithLinkAction} />;
}
