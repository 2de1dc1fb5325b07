"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 20_000;

/**
 * Keeps the 签到名单 current while the session runs, so a trainer at the door sees scans arrive
 * without reloading. It pauses while the tab is hidden and while the trainer is typing in a hand
 * mark (a refresh then would only compete with the save).
 */
export function RegisterRefresh({ until }: { until: string }) {
  const router = useRouter();
  useEffect(() => {
    const end = Date.parse(until);
    const timer = setInterval(() => {
      if (Date.now() > end) return clearInterval(timer);
      if (document.visibilityState !== "visible") return;
      if (document.activeElement?.closest("form")) return;
      router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router, until]);
  return null;
}
