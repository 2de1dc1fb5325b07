// 学习提醒 as the trainer lives it: the 待提醒 counts and list show who has not started, with
// nothing configured the list is the channel; a webhook address that is not https is refused with
// a field message; with the class's 企业微信 group robot (a real HTTP server on loopback) set,
// 一键催学 (saying how many it reminds) posts the class summary (counts, no names) and the send
// log shows it. On a 360 px phone, a cohort of 60 due learners: counts per rule, 50 names a page
// in pinyin order, the next page, and the rule and 分行 filters.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@/lib/auth/password";
import { nameSortKey } from "@/lib/sorting/pinyin";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const LEARNERS = 3;

async function makeCohort() {
  const tag = randomUUID().replaceAll("-", "").slice(0, 10);
  const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  const cohortId = `rm${tag}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
    [cohortId, `提醒测试班 ${tag.slice(0, 4)}`, `RM${tag.slice(0, 8).toUpperCase()}`, trainer!.id, org!.id],
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const names: string[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const id = `rm${tag}${i}`;
    names.push(`未开始学员${tag.slice(0, 3)}${i}`);
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "passwordHash", branch, "updatedAt") VALUES ($1, $2, $3, $4, '上海分行', now())`,
      [id, `remind-${tag}-${i}@e2e.test`, names[i], hash],
    );
    // Joined ten days ago and never started.
    await queryE2eDb(
      `INSERT INTO "CohortMember" ("cohortId", "userId", "joinedAt") VALUES ($1, $2, now() - interval '10 days')`,
      [cohortId, id],
    );
  }
  return { cohortId, names };
}

test("the trainer previews who would be reminded, sets the group robot and presses 一键催学; the log shows the send", async ({
  page,
}) => {
  const bodies: string[] = [];
  const hook = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/cgi-bin/webhook/send?key=e2e`;
  try {
    const { cohortId, names } = await makeCohort();
    await signIn(page, "trainer@demo.local");
    await page.goto(`/trainer/cohorts/${cohortId}/reminders`);
    await expect(page.getByRole("heading", { name: "待提醒", exact: true })).toBeVisible();
    await expect(page.getByText("本名单即提醒渠道")).toBeVisible();
    const counts = page.getByRole("table", { name: "待提醒人数（按原因和渠道）" });
    await expect(counts.getByRole("row", { name: /加入后未开始学习/ })).toContainText(`${LEARNERS}`);
    const pending = page.getByRole("table", { name: "待提醒学员" });
    for (const name of names) {
      const row = pending.getByRole("row", { name: new RegExp(name) });
      await expect(row).toContainText("加入后未开始学习");
      await expect(row).toContainText("仅名单（未开启邮件）");
    }
    await expect(page.getByText("还没有发送过提醒。")).toBeVisible();

    // Plain http to another host is refused at the field, and nothing is saved.
    const url = page.getByLabel("渠道：企业微信群机器人 Webhook 地址");
    await url.fill("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x");
    await page.getByRole("button", { name: "保存提醒设置" }).click();
    await expect(page.getByText("请填写以 https:// 开头的企业微信群机器人 Webhook 地址")).toBeVisible();
    expect(await queryE2eDb(`SELECT 1 FROM "ReminderSettings" WHERE "cohortId" = $1`, [cohortId])).toHaveLength(0);

    await url.fill(hookUrl);
    await page.getByRole("button", { name: "保存提醒设置" }).click();
    await expect(page.getByText("提醒设置已保存")).toBeVisible();

    await page.getByRole("button", { name: `一键催学（提醒 ${LEARNERS} 人）` }).click();
    await expect(page.getByText(/企业微信群通知已发出/)).toBeVisible();
    await expect.poll(() => bodies.length, { timeout: 15_000 }).toBe(1);
    const content = JSON.parse(bodies[0]!).markdown.content as string;
    expect(content).toContain(`加入后尚未开始学习：${LEARNERS} 人`);
    for (const name of names) expect(content).not.toContain(name);

    await page.reload();
    const log = page.getByRole("table", { name: "提醒发送记录" });
    await expect(log.getByRole("row", { name: /全班（企业微信群）.*已发送/ })).toBeVisible();
  } finally {
    await new Promise<void>((r) => hook.close(() => r()));
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("a cohort of 60 due learners: counts per rule, 50 names a page in pinyin order, paging and filters", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().replaceAll("-", "").slice(0, 10);
    const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
    const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
    const cohortId = `rp${tag}`;
    await queryE2eDb(
      `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
      [cohortId, `分页提醒班 ${tag.slice(0, 4)}`, `RP${tag.slice(0, 8).toUpperCase()}`, trainer!.id, org!.id],
    );
    // 55 never started (joined ten days ago), 5 quiet since a tick twelve days ago; 分行 alternate.
    // Names differ in their surname, so pinyin order is not the insertion order.
    const SURNAMES = ["张", "阿", "王", "陈", "李"];
    const people = Array.from({ length: 60 }, (_, i) => ({
      id: `rp${tag}${String(i).padStart(2, "0")}`,
      name: `${SURNAMES[i % SURNAMES.length]}提醒${tag.slice(0, 3)}${String(i).padStart(2, "0")}`,
      branch: i % 2 ? "北京分行" : "上海分行",
      inactive: i >= 55,
    }));
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "nameSortKey", "passwordHash", branch, "updatedAt")
       SELECT id, id || '@e2e.test', name, key, 'x', branch, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(id, name, key, branch)`,
      [
        people.map((p) => p.id),
        people.map((p) => p.name),
        people.map((p) => nameSortKey(p.name)),
        people.map((p) => p.branch),
      ],
    );
    await queryE2eDb(
      `INSERT INTO "CohortMember" ("cohortId", "userId", "joinedAt")
       SELECT $1, id, now() - interval '10 days' FROM unnest($2::text[]) AS id`,
      [cohortId, people.map((p) => p.id)],
    );
    await queryE2eDb(
      `INSERT INTO "LessonProgress" ("userId", "moduleSlug", "lessonSlug", "completedAt")
       SELECT id, 'gone-module', 'gone-lesson', now() - interval '12 days' FROM unnest($1::text[]) AS id`,
      [people.filter((p) => p.inactive).map((p) => p.id)],
    );
    const inPinyinOrder = [...people].sort((a, b) => (nameSortKey(a.name) < nameSortKey(b.name) ? -1 : 1));

    await signIn(page, "trainer@demo.local");
    await page.goto(`/trainer/cohorts/${cohortId}/reminders`);
    await expect(page.getByText("今天应提醒 60 人")).toBeVisible();
    const counts = page.getByRole("table", { name: "待提醒人数（按原因和渠道）" });
    await expect(
      counts
        .getByRole("row", { name: /加入后未开始学习/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("55");
    await expect(
      counts
        .getByRole("row", { name: /7 天未学习/ })
        .getByRole("cell")
        .first(),
    ).toHaveText("5");
    await expect(counts.getByRole("row", { name: /合计/ }).getByRole("cell").first()).toHaveText("60");
    await expect(page.getByRole("button", { name: "一键催学（提醒 60 人）" })).toBeVisible();

    const list = page.getByRole("table", { name: "待提醒学员" });
    const names = () => list.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
    await expect(page.getByText("共 60 人，第 1 / 2 页")).toBeVisible();
    await expect(names()).toHaveCount(50);
    await expect(names().first()).toContainText(inPinyinOrder[0]!.name);
    await expect(names().nth(49)).toContainText(inPinyinOrder[49]!.name);
    // The page itself does not scroll sideways; the wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页 →" }).click();
    await expect(page.getByText("共 60 人，第 2 / 2 页")).toBeVisible();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(names()).toHaveCount(10);
    await expect(names().first()).toContainText(inPinyinOrder[50]!.name);

    // Filter by rule: the five who went quiet, on one page.
    const filters = page.getByRole("search", { name: "筛选待提醒学员" });
    await filters.getByLabel("原因").selectOption({ label: "7 天未学习（5 人）" });
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByText("共 5 人，第 1 / 1 页")).toBeVisible();
    await expect(page).not.toHaveURL(/page=/);
    await expect(names()).toHaveCount(5);
    for (const p of people.filter((x) => x.inactive)) await expect(list).toContainText(p.name);
    await expect(page.getByRole("navigation", { name: "分页" })).toHaveCount(0);

    // And by 分行: the quiet ones in 北京分行 (56, 58 are 上海; 55, 57, 59 are 北京).
    await filters.getByLabel("分行").selectOption({ label: "北京分行（30 人）" });
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByText("共 3 人，第 1 / 1 页")).toBeVisible();
    await expect(names()).toHaveCount(3);
    for (const row of await names().all()) await expect(row).toContainText("北京分行");
    // The counts stay the whole cohort's whatever the filter.
    await expect(counts.getByRole("row", { name: /合计/ }).getByRole("cell").first()).toHaveText("60");

    // A hand-edited link: a bad rule is reported and the default used; a page past the last shows the last.
    await page.goto(`/trainer/cohorts/${cohortId}/reminders?rule=bogus&page=9`);
    await expect(page.getByRole("alert").filter({ hasText: "提醒原因筛选无效" })).toBeVisible();
    await expect(page.getByText("共 60 人，第 2 / 2 页")).toBeVisible();
  });
});
