// 学习提醒 as the trainer lives it: the 待提醒 list shows who has not started, with nothing
// configured the list is the channel; a webhook address that is not https is refused with a
// field message; with the class's 企业微信 group robot (a real HTTP server on loopback) set,
// 一键催学 posts the class summary (counts, no names) and the send log shows it.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@/lib/auth/password";
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
    await expect(page.getByRole("heading", { name: "待提醒" })).toBeVisible();
    await expect(page.getByText("本名单即提醒渠道")).toBeVisible();
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

    await page.getByRole("button", { name: "一键催学" }).click();
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
