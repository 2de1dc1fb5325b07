// The cookie that carries a scan's pass from /check-in/:token to /check-in (through sign-in).
export const PASS_COOKIE = "check-in-pass";
