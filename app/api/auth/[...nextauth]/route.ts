// GET/POST /api/auth/* — NextAuth (sign-in, session, CSRF). Sign-in attempts are rate limited
// here, before NextAuth sees them, so an over-limit attempt gets a real 429.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInRateLimit } from "@/lib/auth/sign-in-limit";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export async function GET(req: Request, ctx: Ctx) {
  return handler(req, ctx);
}

export async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const limited = await signInRateLimit(req);
    if (limited) return limited;
  }
  return handler(req, ctx);
}
