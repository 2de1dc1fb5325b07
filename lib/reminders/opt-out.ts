// Opting out of reminder mail: on /me, or by the signed link at the foot of every reminder (no
// sign-in needed, as a mail client expects). The link carries the user id and an HMAC of it under
// the app secret, so it cannot be forged for someone else; it only ever opts out.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

function key(): string {
  const s = env.NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET 未设置");
  return `reminder-opt-out:${s}`;
}

const mac = (userId: string) => createHmac("sha256", key()).update(userId).digest("base64url");

export function optOutToken(userId: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${mac(userId)}`;
}

/** The user id a token was signed for, or null. */
export function verifyOptOutToken(token: string): string | null {
  const [idPart, sig] = token.split(".");
  if (!idPart || !sig || token.length > 200) return null;
  const userId = Buffer.from(idPart, "base64url").toString();
  const expected = Buffer.from(mac(userId));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

export async function setReminderOptOut(db: PrismaClient, userId: string, optOut: boolean) {
  await db.user.updateMany({ where: { id: userId }, data: { reminderEmailOptOut: optOut } });
}
