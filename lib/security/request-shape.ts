// Requests no page or handler can make sense of are answered 4xx in the proxy, before Next's own
// decoding turns them into a 500 (issue 14 L7): an unknown method (TRACE), a path that is not
// valid UTF-8 once decoded or that holds a NUL or control character, and a server-action call
// whose body is not what a Next client sends.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const CONTROL = /[\u0000-\u001f\u007f]/;

export type Refusal = { status: 400 | 405; reason: string };

export function refuseByShape(method: string, rawPathname: string): Refusal | null {
  if (!METHODS.has(method.toUpperCase())) return { status: 405, reason: "method" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400, reason: "path_encoding" };
  }
  if (CONTROL.test(decoded)) return { status: 400, reason: "path_control" };
  return null;
}

/**
 * A server-action call carries its arguments as a JSON array (text/plain) or as multipart form
 * data whose field "0" is that JSON array (React's encodeReply). Anything else is refused.
 */
export async function refuseActionBody(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  const isArgs = (text: unknown) => {
    if (typeof text !== "string") return false;
    try {
      const args: unknown = JSON.parse(text);
      return Array.isArray(args) && onlyPlainReferences(args);
    } catch {
      return false;
    }
  };
  try {
    if (type.startsWith("text/plain")) return isArgs(await request.clone().text()) ? null : bad();
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      return isArgs(form.get("0")) ? null : bad();
    }
  } catch {
    return bad();
  }
  return bad();
}

const bad = (): Refusal => ({ status: 400, reason: "action_body" });

// In React's reply encoding a string starting with "$" is a reference ("$$" escapes a real "$").
// Our actions take (previous state, form data) or nothing: their calls hold only form-data
// references and the plain special values; a reference to a Map, a promise, a stream … that was
// never sent makes Next's decoder throw (a 500), so such bodies are refused here.
const PLAIN_REFERENCE = /^\$(\$|K\d+$|undefined$|NaN$|-?Infinity$|-0$|D\d{4}-)/;

function onlyPlainReferences(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((v) => onlyPlainReferences(v, depth + 1));
  if (value && typeof value === "object")
    return Object.entries(value).every(([k, v]) => !k.startsWith("$") && onlyPlainReferences(v, depth + 1));
  return true;
}
