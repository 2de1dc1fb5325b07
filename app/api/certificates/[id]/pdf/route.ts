// GET /api/certificates/:id/pdf — the certificate as a one-page A4-landscape PDF, for its holder,
// the staff of its class and its bank's client admins.
import { certificateFileResponse } from "@/lib/certificates/file-response";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return certificateFileResponse(req, (await params).id, "pdf");
}
