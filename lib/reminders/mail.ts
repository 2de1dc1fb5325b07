// The reminder mail: what is due, a link back to the course, and the signed opt-out link.
import "server-only";
import { optOutToken } from "./opt-out";
import type { ReminderRule } from "./rules";

const REASONS: Record<ReminderRule, (moduleTitle?: string) => string> = {
  DUE_SOON: (m) => `单元「${m ?? ""}」将在两天内到期，您还没有完成。`,
  NOT_STARTED: () => "您已加入培训班，但还没有开始学习。",
  INACTIVE: () => "您已经 7 天没有学习了。",
  CHECK_IN_DUE: () => "您的行动计划到了回访时间，请填写进展。",
};

export function reminderMail(
  p: { userId: string; name: string; rule: ReminderRule },
  cohortName: string,
  moduleTitle: string | undefined,
  siteUrl: string,
) {
  return {
    subject: `学习提醒：${cohortName}`,
    text: [
      `${p.name}，您好：`,
      "",
      REASONS[p.rule](moduleTitle),
      `继续学习：${siteUrl}/course`,
      "",
      `不想再收到学习提醒邮件？退订：${siteUrl}/reminders/opt-out/${optOutToken(p.userId)}`,
    ].join("\n"),
  };
}
