import "server-only";
import { getDb } from "@/lib/db/client";
import { clientIp } from "./client-ip";
import { hitLimit, isLimited, LIMITS } from "./rate-limit";
import { emailSchema } from "./schemas";

export const RATE_LIMIT_MESSAGE = "尝试次数过多，请稍后再试。如忘记密码，请联系培训管理员。";

/** A 429 response when this sign-in attempt is over a limit, else null (and the attempt counted). */
export async function signInRateLimit(req: Request): Promise<Response | null> {
  const db = getDb();
  // `url` is there because next-auth/react's signIn() reads the error from it.
  const tooMany = (retryAfter: number) =>
    Response.json(
      {
        error: "RATE_LIMITED",
        message: RATE_LIMIT_MESSAGE,
        url: new URL("/login?error=RATE_LIMITED", req.url).toString(),
      },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );

  if (await hitLimit(db, LIMITS.signInPerIp(clientIp(req.headers)))) return tooMany(60);
  // The body is read from a clone: NextAuth still needs the original.
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = emailSchema.safeParse(form?.get("email") ?? "");
  if (email.success && (await isLimited(db, LIMITS.signInFailuresPerAccount(email.data)))) return tooMany(3600);
  return null;
}
