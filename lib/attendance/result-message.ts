// The sentence a learner reads after a scan or a typed code.
import { formatTime } from "@/lib/format/beijing-time";
import type { CheckInResult } from "./check-in";
import { STATUS_LABELS } from "./labels";

export function checkInResultMessage(r: Extract<CheckInResult, { ok: true }>): string {
  const where = `${r.session.cohortName} · ${r.session.title}`;
  if (r.purpose === "out")
    return r.again ? `已签退（${formatTime(r.at)}）：${where}` : `签退成功（${formatTime(r.at)}）：${where}`;
  if (r.again) return `已签到（${formatTime(r.at)}，${STATUS_LABELS[r.status]}）：${where}`;
  return `签到成功（${formatTime(r.at)}，${STATUS_LABELS[r.status]}）：${where}`;
}
