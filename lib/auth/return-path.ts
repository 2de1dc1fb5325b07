// Where a visitor may be sent after signing in: only a path on this site, decided by parsing, not
// by looking at the first characters (issue 14 M1). Browsers drop tabs and newlines from URLs, so
// "/\t/evil.example" would become "//evil.example" — another site; and a newline in a redirect
// header is a 500. Anything doubtful falls back to the start page.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;
const ORIGIN = "http://return-path.invalid";

export function safeReturnPath(next: string | null | undefined, fallback: string): string {
  if (!next || next.length > 2_000 || CONTROL_OR_BACKSLASH.test(next)) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
