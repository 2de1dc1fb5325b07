// The answer of the certificate file routes: 401/403/404 in the one error shape, else the file.
// Never cached by anyone: a revoked certificate must say so the next time it is fetched.
import "server-only";
import { authoriseRequest } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { publicOrigin, renderCertificateFile, type CertificateFormat } from "./render";

const TYPES: Record<CertificateFormat, string> = { png: "image/png", pdf: "application/pdf" };

export async function certificateFileResponse(req: Request, number: string, format: CertificateFormat) {
  const user = await authoriseRequest();
  if (user instanceof Response) return user;
  const file = await renderCertificateFile(getDb(), user, number, format, publicOrigin(req.url));
  if (!file.ok) {
    return file.code === "NOT_FOUND"
      ? Response.json({ error: "没有这张证书" }, { status: 404 })
      : Response.json({ error: "没有权限查看这张证书" }, { status: 403 });
  }
  // The PNG opens inline (WeChat: long-press the image to save it) unless a download is asked for.
  const inline = format === "png" && new URL(req.url).searchParams.get("download") !== "1";
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replaceAll('"', "");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Length": String(file.body.length),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
