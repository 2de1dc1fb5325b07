// The reminder rules against a fixed clock: which learner is reminded by which rule, the order of
// precedence, Beijing days for due dates, quiet hours, and the webhook URL and class summary.
import { describe, expect, it } from "vitest";
import { dueReminders, isQuietHour, type LearnerFacts, type RuleSettings } from "@/lib/reminders/rules";
import { isAcceptableWebhookUrl } from "@/lib/reminders/schema";
import { webhookBody } from "@/lib/reminders/webhook";

// 2026-03-10 10:00 Beijing time.
const NOW = new Date("2026-03-10T02:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const all: RuleSettings = {
  notStartedOn: true,
  notStartedDays: 3,
  dueSoonOn: true,
  inactiveOn: true,
  checkInDueOn: true,
};
const learner = (userId: string, over: Partial<LearnerFacts> = {}): LearnerFacts => ({
  userId,
  joinedAt: daysAgo(30),
  lastActivity: daysAgo(1),
  modulesDone: new Set(),
  courseDone: false,
  ...over,
});

describe("reminder rules", () => {
  it("reminds a learner who joined N days ago and has not started, not one who joined yesterday", () => {
    const r = dueReminders(
      all,
      [],
      [
        learner("a", { joinedAt: daysAgo(3), lastActivity: null }),
        learner("b", { joinedAt: daysAgo(1), lastActivity: null }),
      ],
      new Set(),
      NOW,
    );
    expect(r).toEqual([{ userId: "a", rule: "NOT_STARTED" }]);
  });

  it("reminds after 7 days without activity, not after 6", () => {
    const r = dueReminders(
      all,
      [],
      [learner("a", { lastActivity: daysAgo(7) }), learner("b", { lastActivity: daysAgo(6) })],
      new Set(),
      NOW,
    );
    expect(r).toEqual([{ userId: "a", rule: "INACTIVE" }]);
  });

  it("reminds of a module due today to two Beijing days ahead and not done; not one due in three days or past", () => {
    const dues = [
      { moduleSlug: "m1", dueOn: "2026-03-12" },
      { moduleSlug: "m2", dueOn: "2026-03-13" },
      { moduleSlug: "m3", dueOn: "2026-03-09" },
    ];
    const r = dueReminders(all, dues, [learner("a"), learner("b", { modulesDone: new Set(["m1"]) })], new Set(), NOW);
    expect(r).toEqual([{ userId: "a", rule: "DUE_SOON", moduleSlug: "m1" }]);
    // 2026-03-10 23:30 Beijing is still the 10th there (15:30 UTC): the 12th is two days ahead.
    const late = new Date("2026-03-10T15:30:00Z");
    expect(dueReminders(all, dues, [learner("a")], new Set(), late)).toHaveLength(1);
    // 00:30 on the 11th Beijing (16:30 UTC on the 10th): the 13th has come into range.
    const next = new Date("2026-03-10T16:30:00Z");
    expect(dueReminders(all, [dues[1]!], [learner("a")], new Set(), next)).toHaveLength(1);
    expect(dueReminders(all, [dues[1]!], [learner("a")], new Set(), late)).toHaveLength(0);
  });

  it("gives one reminder per learner, the most pressing rule first, and none once the course is done", () => {
    const dues = [{ moduleSlug: "m1", dueOn: "2026-03-11" }];
    const quiet = learner("a", { lastActivity: daysAgo(10) });
    expect(dueReminders(all, dues, [quiet], new Set(["a"]), NOW)).toEqual([
      { userId: "a", rule: "DUE_SOON", moduleSlug: "m1" },
    ]);
    expect(dueReminders({ ...all, dueSoonOn: false }, dues, [quiet], new Set(["a"]), NOW)).toEqual([
      { userId: "a", rule: "INACTIVE" },
    ]);
    expect(dueReminders(all, dues, [{ ...quiet, courseDone: true }], new Set(), NOW)).toEqual([]);
  });

  it("applies no rule that is switched off", () => {
    const off: RuleSettings = { ...all, notStartedOn: false, dueSoonOn: false, inactiveOn: false, checkInDueOn: false };
    const people = [learner("a", { lastActivity: null }), learner("b", { lastActivity: daysAgo(20) })];
    expect(dueReminders(off, [{ moduleSlug: "m1", dueOn: "2026-03-10" }], people, new Set(["a"]), NOW)).toEqual([]);
  });

  it("reminds of a due action-plan check-in when nothing else applies", () => {
    expect(dueReminders(all, [], [learner("a")], new Set(["a"]), NOW)).toEqual([{ userId: "a", rule: "CHECK_IN_DUE" }]);
  });
});

describe("quiet hours", () => {
  it("are 21:00 to 08:00 Beijing time", () => {
    expect(isQuietHour(new Date("2026-03-10T12:59:00Z"))).toBe(false); // 20:59
    expect(isQuietHour(new Date("2026-03-10T13:00:00Z"))).toBe(true); // 21:00
    expect(isQuietHour(new Date("2026-03-10T23:59:00Z"))).toBe(true); // 07:59
    expect(isQuietHour(new Date("2026-03-11T00:00:00Z"))).toBe(false); // 08:00
  });
});

describe("企业微信 webhook", () => {
  it("accepts https, and http only on loopback", () => {
    expect(isAcceptableWebhookUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")).toBe(true);
    expect(isAcceptableWebhookUrl("http://127.0.0.1:8080/hook")).toBe(true);
    expect(isAcceptableWebhookUrl("http://qyapi.weixin.qq.com/cgi-bin/webhook/send")).toBe(false);
    expect(isAcceptableWebhookUrl("https://user:pw@example.com/")).toBe(false);
    expect(isAcceptableWebhookUrl("javascript:alert(1)")).toBe(false);
    expect(isAcceptableWebhookUrl("不是网址")).toBe(false);
  });

  it("posts counts and a link, never names", () => {
    const body = JSON.parse(webhookBody("2026 春季班", { NOT_STARTED: 2, INACTIVE: 1 }, "https://x.cn/course"));
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content).toContain("加入后尚未开始学习：2 人");
    expect(body.markdown.content).toContain("连续 7 天未学习：1 人");
    expect(body.markdown.content).toContain("https://x.cn/course");
  });
});
