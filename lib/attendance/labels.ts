// What people read for each attendance state and domain code: the pages phrase, lib/ returns codes.
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import type { CodeResult } from "./check-in";

export const STATUS_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: "出勤",
  LATE: "迟到",
  LEAVE: "请假",
  ABSENT: "缺勤",
};

/** No row: nobody has checked in or marked the learner. */
export const MISSING_LABEL = "未签到";

export const statusLabel = (s: AttendanceStatus | null) => (s ? STATUS_LABELS[s] : MISSING_LABEL);

type Problem = Extract<CodeResult, { ok: false }>["code"] | "EXPIRED" | "MALFORMED" | "NO_PASS";

export const CHECK_IN_PROBLEMS: Record<Problem, string> = {
  EXPIRED: "二维码已过期，请重新扫描屏幕上的二维码。",
  MALFORMED: "这个签到链接无效，请扫描屏幕上的二维码。",
  NO_PASS: "请扫描培训现场屏幕上的二维码签到；无法扫码时，输入屏幕上的 6 位签到码。",
  NO_SESSION: "这个课次已不存在，请联系培训师。",
  NOT_MEMBER: "您不在本班学员名单中，无法签到。如有疑问，请联系培训师。",
  NOT_OPEN: "签到尚未开始（开课前 2 小时开放），请稍后再扫码。",
  CLOSED: "本课次的签到已结束，如需补登请联系培训师。",
  NOT_CHECKED_IN: "您本课次还没有签到记录，无法签退，请联系培训师补登。",
  MARKED_AWAY: "培训师已将您本课次登记为请假；如您已到场，请联系培训师更正。",
  WRONG_CODE: "签到码不正确或已过期，请核对屏幕上最新的 6 位数字。",
  TOO_MANY: "输入签到码次数过多，请 10 分钟后再试，或请培训师为您补登。",
};
