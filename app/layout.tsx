import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { t } from "@/lib/i18n/zh-cn";
import { SHARE_IMAGE, siteUrl } from "@/lib/seo/page-metadata";
import "./globals.css";

// Defaults for pages without a card of their own (signed-in pages); public pages build theirs
// with pageMetadata(). No og:url or canonical here: they would point every page at the home page.
export const metadata: Metadata = {
  metadataBase: siteUrl(),
  applicationName: t.site.name,
  title: { default: t.site.fullName, template: `%s · ${t.site.name}` },
  description: t.site.tagline,
  openGraph: {
    title: t.site.fullName,
    description: t.site.tagline,
    siteName: t.site.fullName,
    locale: "zh_CN",
    type: "website",
    images: [SHARE_IMAGE],
  },
  twitter: {
    card: "summary_large_image",
    title: t.site.fullName,
    description: t.site.tagline,
    images: [SHARE_IMAGE.url],
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d5fbf" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col bg-white font-sans text-gray-900 antialiased">
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
