// The app secret the response tokens are keyed with (NEXTAUTH_SECRET: npm start keeps one in
// .data/ for the embedded database; production must set it).
import "server-only";
import { env } from "@/lib/env";

export function surveySecret(): string {
  const s = env.NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET 未设置");
  return s;
}
