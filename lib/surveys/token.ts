// The one-way token that lets a learner answer a run once without the response naming them:
// HMAC-SHA256 keyed with the app secret over the run id and the user id. Without the secret it
// cannot be recomputed from a list of learners, and it differs per run, so two runs' responses
// cannot be linked to the same (unknown) person either.
import { createHmac } from "node:crypto";

export function responseToken(secret: string, runId: string, userId: string): string {
  if (!secret) throw new Error("responseToken needs the app secret");
  return createHmac("sha256", secret).update(`survey-response\u0000${runId}\u0000${userId}`).digest("base64url");
}
