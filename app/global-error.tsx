"use client";

import { RouteErrorView, type RouteErrorProps } from "@/components/route-error";
import "./globals.css";

// When the root layout itself fails, this replaces the whole document, so it brings its own
// <html>, <body> and stylesheet. The site header and footer are not shown: they are what failed.
export default function GlobalError(props: RouteErrorProps) {
  return (
    <html lang="zh-CN">
      <body className="bg-white font-sans text-gray-900 antialiased">
        <title>页面出错了 · 场景化金融生态</title>
        <RouteErrorView {...props} />
      </body>
    </html>
  );
}
