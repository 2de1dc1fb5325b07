// Shared by the attempt route handlers: the acting learner (401 if none) and the JSON body
// (422 if it is not JSON). Service failures keep their status (404 / 409 / 422).
import "server-only";
import { authoriseRequest, type CurrentUser } from "@/lib/auth/session";
import type { Failure } from "./attempts";

export async function learnerAndBody(req: Request): Promise<{ user: CurrentUser; body: unknown } | Response> {
  const user = await authoriseRequest();
  if (user instanceof Response) return user;
  const text = await req.text();
  if (text.length > 64_000) return Response.json({ error: "请求过大" }, { status: 413 });
  try {
    return { user, body: text ? JSON.parse(text) : {} };
  } catch {
    return Response.json({ error: "请求不是有效的 JSON" }, { status: 422 });
  }
}

export function failureResponse(f: Failure) {
  return Response.json({ error: f.message }, { status: f.status });
}
