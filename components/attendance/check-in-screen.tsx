"use client";
// The projector's check-in screen. The QR and the 6-digit code change every 20 s; the server
// sends the next few windows' codes with each poll (every 4 s), and the screen picks the one for
// the current moment by the server's clock, so a network blip of up to a minute does not leave an
// expired code on the wall, and no full reload is ever needed. The count and the latest arrivals
// come with the same poll.
import Link from "@/components/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ScreenState } from "@/lib/attendance/screen";

export type CheckInScreenProps = {
  liveUrl: string;
  registerUrl: string;
  manualUrl: string;
  title: string;
  subtitle: string;
  signOut: boolean;
  initial: ScreenState;
};

const POLL_MS = 4_000;

export function CheckInScreen({
  liveUrl,
  registerUrl,
  manualUrl,
  title,
  subtitle,
  signOut,
  initial,
}: CheckInScreenProps) {
  const [state, setState] = useState(initial);
  const [offset, setOffset] = useState(() => initial.now - Date.now());
  const [clock, setClock] = useState(() => Date.now());
  const [offline, setOffline] = useState(false);
  const [purpose, setPurpose] = useState(initial.purpose);
  // The poll reads the purpose chosen last, also from a request sent before the switch.
  const purposeRef = useRef(purpose);

  const poll = useCallback(async () => {
    const asked = purposeRef.current;
    try {
      const res = await fetch(`${liveUrl}?purpose=${asked}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const next = (await res.json()) as ScreenState;
      if (asked !== purposeRef.current) return;
      setState(next);
      setOffset(next.now - Date.now());
      setOffline(false);
    } catch {
      setOffline(true);
    }
  }, [liveUrl]);

  useEffect(() => {
    const tick = setInterval(() => setClock(Date.now()), 1_000);
    const timer = setInterval(poll, POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(timer);
    };
  }, [poll]);

  const switchPurpose = () => {
    const next = purpose === "in" ? "out" : "in";
    purposeRef.current = next;
    setPurpose(next);
    void poll();
  };

  const now = clock + offset;
  const frame = state.frames.find((f) => f.from <= now && now < f.until);
  const stale = !frame;
  const shown = frame ?? state.frames[state.frames.length - 1]!;
  const secondsLeft = frame ? Math.max(0, Math.ceil((frame.until - now) / 1_000)) : 0;
  const verb = state.purpose === "out" ? "签退" : "签到";

  return (
    <div className="fixed inset-0 z-50 flex flex-col overflow-auto bg-white p-6 text-gray-900">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900 lg:text-4xl">{title}</h1>
          <p className="mt-1 text-lg text-gray-600">{subtitle}</p>
        </div>
        <div className="flex flex-wrap gap-3 text-sm">
          {signOut && (
            <button
              type="button"
              onClick={switchPurpose}
              className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50"
            >
              {purpose === "in" ? "切换到签退" : "切换到签到"}
            </button>
          )}
          <button
            type="button"
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
            className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50"
          >
            全屏
          </button>
          <Link href={registerUrl} className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50">
            返回签到名单
          </Link>
        </div>
      </div>

      <div className="mt-4 grid flex-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="flex flex-col items-center">
          <p className="text-2xl font-bold lg:text-3xl">微信扫码{verb}</p>
          <div
            role="img"
            aria-label={`${verb}二维码`}
            data-check-in-url={shown.url}
            className={`mt-3 aspect-square w-full max-w-[min(55vh,36rem)] ${stale ? "opacity-20" : ""}`}
            dangerouslySetInnerHTML={{ __html: shown.svg }}
          />
          <p className="mt-4 text-xl text-gray-700">
            {verb}码{" "}
            <span data-testid="manual-code" className="font-mono text-5xl font-bold tracking-[0.2em] text-brand-900">
              {shown.code}
            </span>
          </p>
          <p className="mt-2 text-sm text-gray-500" aria-live="off">
            {stale ? "网络中断，正在重新连接…" : `${secondsLeft} 秒后更新；截图转发的二维码一分钟内失效`}
          </p>
          {offline && !stale && (
            <p role="status" className="mt-1 text-sm text-amber-700">
              网络不稳定，正在重试（二维码仍可使用）
            </p>
          )}
          <details className="mt-4 text-center text-base text-gray-700">
            <summary className="cursor-pointer text-brand-700">无法扫码？</summary>
            <p className="mt-2">
              用手机浏览器打开 <span className="font-mono">{manualUrl}</span>，输入上面的 6 位{verb}码。
            </p>
            <p className="mt-1 break-all text-sm">
              <a href={shown.url} className="text-brand-600 underline">
                当前{verb}链接
              </a>
            </p>
          </details>
        </div>

        <div>
          <p className="text-2xl text-gray-700" aria-live="polite" data-testid="check-in-count">
            已{verb}{" "}
            <span className="text-6xl font-bold text-brand-900">
              {state.purpose === "out" ? state.signedOut : state.checkedIn}
            </span>{" "}
            / {state.members} 人
          </p>
          <h2 className="mt-8 text-xl font-semibold text-gray-700">最新签到</h2>
          {state.latest.length === 0 ? (
            <p className="mt-3 text-lg text-gray-500">还没有人签到。</p>
          ) : (
            <ul className="mt-3 space-y-2 text-2xl" aria-label="最新签到">
              {state.latest.map((l, i) => (
                <li key={`${l.name}-${l.time}-${i}`} className="flex items-baseline gap-4">
                  <span className="font-semibold">{l.name}</span>
                  <span className="text-lg text-gray-500">{l.time}</span>
                  {l.status === "迟到" && <span className="text-lg text-amber-700">迟到</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
