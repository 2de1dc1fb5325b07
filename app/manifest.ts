// GET /manifest.webmanifest — lets a phone add the course to its home screen with its name and icon.
import type { MetadataRoute } from "next";
import { t } from "@/lib/i18n/zh-cn";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: t.site.name,
    short_name: t.site.shortName,
    description: t.site.tagline,
    lang: "zh-CN",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d5fbf",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
