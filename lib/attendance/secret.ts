// The key that signs 签到 tokens and passes: the app secret, so every instance agrees.
import "server-only";
import { env } from "@/lib/env";

export function checkInSecret(): string {
  const s = env.NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET 未设置");
  return `check-in:${s}`;
}
