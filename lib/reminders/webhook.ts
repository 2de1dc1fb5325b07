// The 企业微信 group-robot outbox: a class summary is written in the same transaction as the
// reminders it sums up, then posted by the shared outbox loop
// (lib/outbox/drain.ts), so two instances never post the same summary and a summary is retried
// with back-off while the endpoint is down; the row stays as the log.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { drainOutbox } from "@/lib/outbox/drain";
import type { ReminderRule } from "./rules";

const RULE_LINES: Record<ReminderRule, string> = {
  DUE_SOON: "单元即将到期未完成",
  NOT_STARTED: "加入后尚未开始学习",
  INACTIVE: "连续 7 天未学习",
  CHECK_IN_DUE: "行动计划待回访",
};

/**
 * The class-level message: counts per rule and a link to the course. Never names or scores
 * (PIPL: a group chat is not the place for one person's standing).
 */
export function webhookBody(
  cohortName: string,
  counts: Partial<Record<ReminderRule, number>>,
  courseUrl: string | null,
) {
  const lines = Object.entries(counts)
    .filter(([, n]) => n && n > 0)
    .map(([rule, n]) => `> ${RULE_LINES[rule as ReminderRule]}：${n} 人`);
  // Without a configured site address there is no link to give, only the nudge.
  const close = courseUrl ? `请大家抽空完成学习：[进入课程](${courseUrl})` : "请大家抽空完成学习。";
  const content = [`**${cohortName}** 学习提醒`, ...lines, close].join("\n");
  return JSON.stringify({ msgtype: "markdown", markdown: { content } });
}

export async function enqueueWebhookPost(
  tx: Prisma.TransactionClient,
  post: { cohortId: string; day: string; url: string; body: string },
  now: Date,
) {
  // One summary per cohort and day: a second run that day (or instance) adds nothing.
  await tx.webhookPost.createMany({ data: [{ ...post, nextAttemptAt: now, createdAt: now }], skipDuplicates: true });
}

export type Post = (url: string, body: string) => Promise<void>;

/** POST with a timeout; 企业微信 answers 200 with errcode ≠ 0 for a bad key, which is a failure too. */
export const httpPost: Post = async (url, body) => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(10_000),
    redirect: "error",
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  let errcode = 0;
  try {
    errcode = Number((JSON.parse(text) as { errcode?: unknown }).errcode ?? 0);
  } catch {
    // A relay that answers 200 without JSON took the message.
  }
  if (errcode !== 0) throw new Error(`errcode ${errcode}`);
};

export async function drainWebhooks(db: PrismaClient, post: Post = httpPost, now = new Date()) {
  return drainOutbox(db, {
    table: "WebhookPost",
    now,
    deliver: async (id) => {
      const row = await db.webhookPost.findUnique({ where: { id }, select: { url: true, body: true } });
      if (!row) return "skipped";
      await post(row.url, row.body);
      return "sent";
    },
    describeFailure: (id, attempts, delay, message) =>
      `[webhook] 群机器人消息 ${id} 发送失败（第 ${attempts} 次），${delay} 分钟后重试：${message}`,
  });
}
