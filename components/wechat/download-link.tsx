"use client";
// Every download of the site goes through DownloadLink (xlsx, csv, PDF, PNG), so WeChat's in-app
// browser never shows a button that does nothing (lib/wechat/user-agent.ts, decision 0031).
// Files (xlsx, csv, PDF): WeChat shows the way out, "open in the browser", instead of the link.
// Images (kind "image"): WeChat shows a picture it is sent to, and a long press saves or forwards
// it, so the link stays, without `download`, and says so.
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { LONG_PRESS_TO_SAVE, OPEN_IN_BROWSER_TO_DOWNLOAD, OPEN_IN_BROWSER_TO_PRINT } from "@/lib/wechat/hints";
import { useInWeChat } from "./use-in-wechat";

export type DownloadLinkProps = Omit<ComponentPropsWithoutRef<"a">, "href" | "download"> & {
  href: string;
  /** The `download` attribute: a file name, or true for the server's (Content-Disposition). Off by
   * default, so a refusal (403 JSON) shows in the tab rather than being saved as a file. */
  download?: string | boolean;
  /** "file" (default): xlsx, csv, PDF. "image": a PNG WeChat can show and save by long press. */
  kind?: "file" | "image";
  /** From a dynamic page that read the request (isWeChatRequest), to render the right thing at once. */
  inWeChat?: boolean;
  children: ReactNode;
};

export function DownloadLink({
  href,
  download = false,
  kind = "file",
  inWeChat,
  children,
  ...rest
}: DownloadLinkProps) {
  const weChat = useInWeChat(inWeChat);
  if (weChat && kind === "file") return <OpenInBrowserHint label={children} />;
  if (weChat) {
    return (
      <span className="inline-flex flex-wrap items-baseline gap-x-2">
        <a href={href} {...rest}>
          {children}
        </a>
        <span className="text-xs text-gray-600">{LONG_PRESS_TO_SAVE}</span>
      </span>
    );
  }
  return (
    <a href={href} download={download === true ? "" : download || undefined} {...rest}>
      {children}
    </a>
  );
}

export type OpenInBrowserHintProps = {
  /** What the dead button would have been ("下载 Excel"). */
  label: ReactNode;
  /** What the browser is for: downloading (default) or printing. */
  to?: "download" | "print";
};

/** In place of a download or print button inside WeChat: what it was, and how to get it. */
export function OpenInBrowserHint({ label, to = "download" }: OpenInBrowserHintProps) {
  return (
    <span role="note" className="inline-block rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
      {label}：{to === "print" ? OPEN_IN_BROWSER_TO_PRINT : OPEN_IN_BROWSER_TO_DOWNLOAD}
    </span>
  );
}
