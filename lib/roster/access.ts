// Who may import a roster into a cohort: a trainer whose cohort it is (the one cohort scope,
// lib/organisations/scope.ts) or an admin. The bank's client admin reads the cohort but never
// changes its people, so the role check refuses them before the cohort is looked up.
import "server-only";
import { authoriseRequest, type CurrentUser } from "@/lib/auth/session";
import { findVisibleCohort } from "@/lib/dashboard/access";
import { getDb } from "@/lib/db/client";
import { rosterFileMessage } from "./messages";
import { MAX_UPLOAD_BYTES, readRosterUpload, type UploadResult } from "./upload";

export type RosterTarget = { user: CurrentUser; cohort: { id: string; name: string; organisationId: string } };

export async function authoriseRosterImport(cohortId: string): Promise<RosterTarget | Response> {
  const user = await authoriseRequest(["TRAINER"]);
  if (user instanceof Response) return user;
  const cohort = await findVisibleCohort(getDb(), user, cohortId);
  if (!cohort) return Response.json({ error: "没有权限导入这个班级的名单" }, { status: 403 });
  if (cohort.organisation.closedAt)
    return Response.json({ error: "该机构已结束合作，不能再导入学员" }, { status: 409 });
  return { user, cohort: { id: cohort.id, name: cohort.name, organisationId: cohort.organisation.id } };
}

/** The multipart body's "file" read and validated, or the error response (413/422) to send. */
export async function readUploadedRoster(
  req: Request,
): Promise<{ form: FormData; upload: Extract<UploadResult, { ok: true }> } | Response> {
  // Refused before reading: the body is buffered whole to parse it. (A little over the limit for
  // the multipart framing around the file.)
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    return Response.json({ error: rosterFileMessage({ code: "TOO_LARGE" }) }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return Response.json({ error: rosterFileMessage({ code: "NO_FILE" }) }, { status: 422 });
  }
  const upload = await readRosterUpload(form.get("file"));
  if (!upload.ok) {
    return Response.json({ error: rosterFileMessage(upload) }, { status: upload.code === "TOO_LARGE" ? 413 : 422 });
  }
  return { form, upload };
}
