"use client";
import { useSyncExternalStore } from "react";
import { isWeChatUserAgent } from "@/lib/wechat/user-agent";

const subscribe = () => () => {}; // a browser's user agent never changes while the page is open
const inWeChat = () => isWeChatUserAgent(navigator.userAgent);

/**
 * True inside WeChat's in-app browser. Prerendered pages cannot know it on the server, so the first
 * render (and the server's HTML) uses `serverValue` — false unless a dynamic page read the request's
 * user agent (lib/wechat/user-agent.ts isWeChatRequest) — and hydration switches to the browser's answer.
 */
export function useInWeChat(serverValue = false): boolean {
  return useSyncExternalStore(subscribe, inWeChat, () => serverValue);
}
