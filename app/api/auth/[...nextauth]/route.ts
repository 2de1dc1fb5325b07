// GET/POST /api/auth/* — NextAuth (sign-in, session, CSRF, sign-out). In front of it:
//  - any sign-in callback path (NextAuth also answers /callback/credentials/<anything>) that
//    would be refused by a limit gets a real 429 before NextAuth runs; the limits themselves are
//    counted inside authorize() (lib/auth/sign-in-guard.ts), whatever the path;
//  - a successful sign-in marks the browser as a known device for that account;
//  - sign-out ends every copy of the session (session version), not only this cookie.
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { endSessions } from "@/lib/auth/accounts";
import { clientIp } from "@/lib/auth/client-ip";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, deviceCookieValue } from "@/lib/auth/known-device";
import { authOptions, secureCookies, SESSION_COOKIE } from "@/lib/auth/options";
import { lookUpSignIn } from "@/lib/auth/sign-in-account";
import { signInWouldBeRefused } from "@/lib/auth/sign-in-guard";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

const MESSAGES = {
  RATE_LIMITED: "尝试次数过多，请稍后再试。如忘记密码，请联系培训管理员。",
  ACCOUNT_LOCKED: "该账号近期密码错误次数过多，已暂时锁定。请在常用设备上登录，或联系培训管理员解除。",
} as const;

export async function GET(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  // Signing in and out are POSTs; a GET on a callback or sign-out path is not a request we serve.
  if (nextauth[0] === "callback" || nextauth[0] === "signout") {
    return Response.json({ error: "METHOD_NOT_ALLOWED" }, { status: 405, headers: { Allow: "POST" } });
  }
  return handler(req, ctx);
}

export async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  const action = nextauth[0];
  if (action === "signout") await revokeSession(req);
  if (action !== "callback") return handler(req, ctx);

  // The body is read from a clone: NextAuth still needs the original.
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  // The same account key authorize() counts under, whether an email, 手机 or 工号 was typed.
  const { key } = await lookUpSignIn(getDb(), form?.get("identifier") || form?.get("email"));
  const signInCtx = { ip: clientIp(req.headers), cookie: req.headers.get("cookie") };
  const refused = await signInWouldBeRefused(getDb(), key, signInCtx);
  if (refused) {
    // `url` is there because next-auth/react's signIn() reads the error code from it.
    return Response.json(
      { error: refused, message: MESSAGES[refused], url: new URL(`/login?error=${refused}`, req.url).toString() },
      { status: 429, headers: { "Retry-After": refused === "RATE_LIMITED" ? "60" : "3600" } },
    );
  }
  const res = await handler(req, ctx);
  const signedIn = res.headers.getSetCookie().some((c: string) => c.startsWith(SESSION_COOKIE) && !/^[^=]+=;/.test(c));
  if (!signedIn || !key) return res;
  const headers = new Headers(res.headers);
  headers.append(
    "Set-Cookie",
    `${DEVICE_COOKIE}=${deviceCookieValue(key)}; Path=/api/auth; Max-Age=${DEVICE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`,
  );
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

async function revokeSession(req: Request) {
  const value = req.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!value) return;
  const token = await decode({ token: decodeURIComponent(value), secret: env.NEXTAUTH_SECRET ?? "" }).catch(() => null);
  if (token?.uid) await endSessions(getDb(), token.uid);
}
