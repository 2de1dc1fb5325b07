// GET /check-in/:token — where the projector's QR code leads. A valid token (not older than a
// minute) leaves a signed pass in this browser, holding the session and the moment of the scan,
// and sends the phone on to /check-in, which records it, after signing in first if need be (that
// may take longer than the token lives; the pass lasts 15 minutes, and the scan time is what
// counts for 迟到). An expired or made-up token goes to /check-in with the reason.
import { checkInSecret } from "@/lib/attendance/secret";
import { PASS_COOKIE } from "@/lib/attendance/pass-cookie";
import { passFromScan, PASS_MS } from "@/lib/attendance/token";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = passFromScan(checkInSecret(), decodeURIComponent(token), Date.now());
  if (!check.ok) {
    return new Response(null, { status: 303, headers: { Location: `/check-in?problem=${check.code}` } });
  }
  const secure = req.headers.get("x-forwarded-proto") === "https" || new URL(req.url).protocol === "https:";
  const cookie = [
    `${PASS_COOKIE}=${check.pass}`,
    // Path=/: the page after signing in is rendered within the sign-in action's request (to /login).
    "Path=/",
    `Max-Age=${PASS_MS / 1000}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return new Response(null, {
    status: 303,
    headers: { Location: "/check-in", "Set-Cookie": cookie, "Cache-Control": "no-store" },
  });
}
