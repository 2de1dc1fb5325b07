// GET /api/certificates/:id/png — the certificate as an A4-landscape PNG, for its holder, the
// staff of its class and its bank's client admins (?download=1: as an attachment).
import { certificateFileResponse } from "@/lib/certificates/file-response";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return certificateFileResponse(req, (await params).id, "png");
}
