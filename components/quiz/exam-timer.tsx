"use client";

import { useEffect, useRef, useState } from "react";

export type ExamTimerProps = {
  /** Milliseconds left at the server when the page was rendered (from the attempt's deadline). */
  remainingMs: number;
  /** Called once when the time is up. */
  onExpire: () => void;
};

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

/** The time left, counted down from the server's deadline (a reload asks the server again, so it
 * never starts over). The server decides what is late; this only shows it and submits at 0:00. */
export function ExamTimer({ remainingMs, onExpire }: ExamTimerProps) {
  const [left, setLeft] = useState(remainingMs);
  const expired = useRef(false);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);
  useEffect(() => {
    // The browser's clock may differ from the server's; only the span since rendering is used.
    const end = performance.now() + remainingMs;
    const tick = () => {
      const ms = end - performance.now();
      setLeft(ms);
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        expire.current();
      }
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [remainingMs]);
  const urgent = left <= 5 * 60_000;
  return (
    <p
      className={`sticky top-0 z-10 rounded-lg px-4 py-2 text-center font-semibold ${urgent ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-900"}`}
    >
      剩余时间{" "}
      <span role="timer" aria-label="剩余时间" className="font-mono tabular-nums">
        {clock(left)}
      </span>
      <span className="ml-2 text-sm font-normal">到时自动交卷</span>
    </p>
  );
}
