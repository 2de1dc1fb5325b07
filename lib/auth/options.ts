// NextAuth configuration: email + password (credentials provider), JWT sessions carrying the
// user id, role and session version. Whether a session is still valid is decided per request
// in lib/auth/session.ts, against the database.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "./password";
import { logSecurityEvent } from "@/lib/security/security-log";
import { clientIp } from "./client-ip";
import { admitSignIn, recordSignInFailure } from "./sign-in-guard";
import { loginSchema } from "./schemas";
import { lookUpSignIn } from "./sign-in-account";

/** Session cookies are Secure whenever the site is served over https. */
export const secureCookies = (env.NEXTAUTH_URL ?? env.SITE_URL ?? "").startsWith("https://");
/** However active, a session ends 12 hours after signing in (L4). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  useSecureCookies: secureCookies,
  // Idle limit: each visit that reads the session pushes expiry 8 hours on. The absolute limit
  // (SESSION_ABSOLUTE_MS, counted from signing in) is checked in lib/auth/session.ts, so a session
  // kept alive all night on a shared branch computer still ends.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "email",
      // `identifier` is an email, 手机 or 工号; `email` is still accepted from older clients and scripts.
      credentials: { identifier: { type: "text" }, email: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const db = getDb();
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const ctx = { ip: clientIp(headers), cookie: headers.get("cookie") };
        const parsed = loginSchema.safeParse({
          identifier: credentials?.identifier || credentials?.email,
          password: credentials?.password,
        });
        const { key, account: user } = parsed.success
          ? await lookUpSignIn(db, parsed.data.identifier)
          : { key: null, account: null };
        // Counted before the password is checked, whatever the path that reached us (H1).
        const refused = await admitSignIn(db, key, ctx);
        if (refused) throw new Error(refused);
        if (!parsed.success || !key) return null;
        const { password } = parsed.data;
        const ok = user
          ? await verifyPassword(password, user.passwordHash)
          : (await burnPasswordCheck(password), false);
        if (!user || !ok) {
          await recordSignInFailure(db, key, ctx, user?.id ?? null);
          return null;
        }
        if (user.disabled) {
          logSecurityEvent("signin_refused_disabled", { ip: ctx.ip, userId: user.id });
          throw new Error("ACCOUNT_DISABLED");
        }
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        sv: token.sv,
        authAt: token.authAt ?? 0,
      };
      return session;
    },
  },
};
