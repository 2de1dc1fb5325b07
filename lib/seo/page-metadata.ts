// Titles, descriptions and share cards (Open Graph, Twitter) for public pages, so a link pasted
// into WeChat, Teams or mail shows the page's own title, a summary and the course image.
// Next replaces a parent's `openGraph` object wholesale rather than merging it, so every public
// page builds its whole card here instead of relying on the root layout's defaults.
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { t } from "@/lib/i18n/zh-cn";

/** public/og-image.png, drawn by scripts/generate-site-images.mjs. */
export const SHARE_IMAGE = { url: "/og-image.png", width: 1200, height: 630, alt: t.site.fullName, type: "image/png" };

/** The public address share cards point to. Crawlers need absolute URLs; without SITE_URL (or
 * NEXTAUTH_URL, the same address in production) Next falls back to http://localhost. */
export function siteUrl(): URL | undefined {
  const url = env.SITE_URL ?? env.NEXTAUTH_URL;
  return url ? new URL(url) : undefined;
}

export type PageMetadataInput = {
  /** The page's own title; the layout's template adds the site name in the browser tab. */
  title?: string;
  description: string;
  /** The page's path, for og:url and the canonical link (only with a known public address). */
  path: string;
  type?: "website" | "article";
  /** Pages that are public by link but not for search engines (certificates). */
  noIndex?: boolean;
  /** The page's own share card, drawn on the server (lib/share/cards.ts); else the site's image. */
  image?: string;
};

export function pageMetadata({
  title,
  description,
  path,
  type = "website",
  noIndex,
  image,
}: PageMetadataInput): Metadata {
  const shareTitle = title ? `${title} · ${t.site.name}` : t.site.fullName;
  const card = image ? { ...SHARE_IMAGE, url: image, alt: shareTitle } : SHARE_IMAGE;
  const known = siteUrl() !== undefined;
  return {
    ...(title ? { title } : { title: { absolute: t.site.fullName } }),
    description,
    ...(known ? { alternates: { canonical: path } } : {}),
    openGraph: {
      title: shareTitle,
      description,
      siteName: t.site.fullName,
      locale: "zh_CN",
      type,
      images: [card],
      ...(known ? { url: path } : {}),
    },
    twitter: { card: "summary_large_image", title: shareTitle, description, images: [card.url] },
    ...(noIndex ? { robots: { index: false, follow: false } } : {}),
  };
}
