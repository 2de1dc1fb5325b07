// NextAuth configuration: email + password (credentials provider), JWT sessions carrying the
// user id, role and session version. Whether a session is still valid is decided per request
// in lib/auth/session.ts, against the database.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "./password";
import { LIMITS, recordEvent } from "./rate-limit";
import { loginSchema } from "./schemas";

/** Session cookies are Secure whenever the site is served over https. */
export const secureCookies = (env.NEXTAUTH_URL ?? env.SITE_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  useSecureCookies: secureCookies,
  // A working day: a shared branch computer does not stay signed in overnight.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = getDb();
        const user = await db.user.findUnique({
          where: { email },
          select: {
            id: true,
            name: true,
            email: true,
            role: true,
            disabled: true,
            sessionVersion: true,
            passwordHash: true,
          },
        });
        const ok = user
          ? await verifyPassword(password, user.passwordHash)
          : (await burnPasswordCheck(password), false);
        if (!user || !ok) {
          await recordEvent(db, LIMITS.signInFailuresPerAccount(email));
          return null;
        }
        if (user.disabled) throw new Error("ACCOUNT_DISABLED");
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
      };
      return session;
    },
  },
};
