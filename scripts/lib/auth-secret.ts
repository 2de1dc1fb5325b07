// NEXTAUTH_SECRET for the app process. Set explicitly in production; for the embedded database
// one is generated once and kept in .data/auth-secret, so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";

export function ensureAuthSecret(env: Env): Record<string, string> {
  const extra: Record<string, string> = {};
  if (!env.NEXTAUTH_URL) {
    // No public URL configured: let NextAuth take the host from the request (we are the only
    // thing that routes here: loopback in development, our own nginx in production).
    extra.AUTH_TRUST_HOST = "true";
    extra.NEXTAUTH_URL_INTERNAL = `http://127.0.0.1:${env.PORT}`;
  }
  if (env.NEXTAUTH_SECRET) return extra;
  if (env.DATABASE_URL) {
    console.error(
      "NEXTAUTH_SECRET 未设置:使用 DATABASE_URL 时必须设置(openssl rand -base64 32)。 (NEXTAUTH_SECRET is required with DATABASE_URL)",
    );
    process.exit(1);
  }
  const file = path.join(path.dirname(path.resolve(env.EMBEDDED_DB_DIR)), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return { ...extra, NEXTAUTH_SECRET: readFileSync(file, "utf8").trim() };
}
