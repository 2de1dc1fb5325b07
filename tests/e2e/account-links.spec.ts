// Activation and reset links as people use them: a trainer prints the 开通通知 for a learner
// imported from a roster, the learner opens the link on a phone, sets a password and signs in with
// their 工号; a used link gets a page saying what to do; a reset link from the learner's page ends
// the learner's old session; the bank's client admin reads who is missing but issues nothing.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

test.skip(noChromium !== null, noChromium ?? "");

const NEW_PASSWORD = "晨跑之后喝豆浆2026";
const short = () => randomUUID().replaceAll("-", "").slice(0, 10);

/** A fresh cohort of trainer@demo.local at 东方示范银行 (DFB), so other specs never touch its links. */
async function newCohort(): Promise<string> {
  const id = `e2elinks${short()}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId")
     SELECT $1, $2, $3, t.id, o.id FROM "User" t, "Organisation" o
     WHERE t.email = 'trainer@demo.local' AND o.code = 'DFB'`,
    [id, `开通测试班 ${id.slice(-4)}`, short().toUpperCase()],
  );
  return id;
}

/** A learner as the roster import leaves them: 工号 at DFB, no email, no usable password. */
async function importedLearner(cohortId: string, name: string) {
  const id = `e2el${short()}`;
  const employeeNo = `E${short().toUpperCase()}`;
  await queryE2eDb(
    `INSERT INTO "User" (id, name, "passwordHash", "organisationId", "employeeNo", branch, department, "updatedAt")
     SELECT $1, $2, '!' || md5(random()::text), o.id, $3, '上海分行', '信用卡部', now() FROM "Organisation" o WHERE o.code = 'DFB'`,
    [id, name, employeeNo],
  );
  await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, id]);
  return { id, employeeNo };
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  return page;
}

async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a trainer prints 开通通知; the learner activates on a phone and signs in with 工号; the used link says so", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const cohortId = await newCohort();
  const learner = await importedLearner(cohortId, "欧阳明日");
  const signInId = `DFB-${learner.employeeNo}`;

  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}`);
  await page.getByRole("link", { name: "账号开通" }).click();
  await expect(page.getByRole("heading", { name: "尚未开通的学员（1 人）" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "欧阳明日" })).toContainText("未发放");

  await page.getByRole("button", { name: "生成开通通知" }).click();
  const notice = page.getByRole("article", { name: "开通通知：欧阳明日" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`登录账号（工号）：${signInId}`);
  await expect(notice).toContainText("有效期至");
  await expect(notice.getByRole("img", { name: "欧阳明日的开通链接二维码" }).locator("svg")).toBeVisible();
  const url = (await notice.getByText(/\/activate\//).textContent())!.trim();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/activate\/[A-Za-z0-9_-]{43}$/);

  // The same links as .xlsx, from the same issue.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载链接 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^开通链接-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(8).value).toBe("开通链接");
  expect(sheet.getRow(2).getCell(1).value).toBe("欧阳明日");
  expect(sheet.getRow(2).getCell(7).value).toBe(signInId);
  expect(sheet.getRow(2).getCell(8).value).toBe(url);

  // Printed, only the notices remain.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "生成开通通知" })).toBeHidden();
  await expect(notice).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const [audit] = await queryE2eDb<{ rows: number; actorName: string }>(
    `SELECT rows, "actorName" FROM "AuditEvent" WHERE action = 'ACTIVATION_LINKS_ISSUE' AND target = $1`,
    [cohortId],
  );
  expect(audit).toMatchObject({ rows: 1 });

  // The learner, on a phone.
  const learnerPage = await phone(browser);
  await learnerPage.goto(url);
  await expect(learnerPage.getByRole("heading", { name: "开通账号，设置密码" })).toBeVisible();
  await expect(learnerPage.getByText("欧**日")).toBeVisible();
  await expect(learnerPage.getByText("欧阳明日")).toHaveCount(0);
  await expect(learnerPage.getByText(signInId)).toBeVisible();
  await expectNoSideways(learnerPage);

  await learnerPage.getByLabel("新密码", { exact: true }).fill("12345678");
  await learnerPage.getByLabel("再次输入新密码").fill("12345678");
  await learnerPage.getByRole("button", { name: "设置密码" }).click();
  await expect(learnerPage.getByText("这个密码太常见，容易被猜中，请换一个")).toBeVisible();
  await learnerPage.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await learnerPage.getByLabel("再次输入新密码").fill(`${NEW_PASSWORD}x`);
  await learnerPage.getByRole("button", { name: "设置密码" }).click();
  await expect(learnerPage.getByText("两次输入的密码不一致")).toBeVisible();
  const [still] = await queryE2eDb<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [
    learner.id,
  ]);
  expect(still!.passwordHash.startsWith("!")).toBe(true);

  await learnerPage.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await learnerPage.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await learnerPage.getByRole("button", { name: "设置密码" }).click();
  await learnerPage.waitForURL(/\/login\?done=activated/);
  await expect(learnerPage.getByRole("status")).toContainText("账号已开通");
  await learnerPage.getByLabel("邮箱 / 手机号 / 工号").fill(signInId.toLowerCase());
  await learnerPage.getByLabel("密码").fill(NEW_PASSWORD);
  await learnerPage.getByRole("button", { name: "登录" }).click();
  await learnerPage.waitForURL(/\/me/);
  await expectNoSideways(learnerPage);

  // The link is used up.
  await learnerPage.goto(url);
  await expect(learnerPage.getByText(/这个链接已经用过了/)).toBeVisible();
  await expect(learnerPage.getByLabel("新密码", { exact: true })).toHaveCount(0);
  await learnerPage.context().close();

  // The trainer's list no longer has them.
  await page.reload();
  await expect(page.getByText("本班学员都已开通账号。")).toBeVisible();
});

test("a reset link from the learner's page sets a new password and ends the learner's old session", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const cohortId = await newCohort();
  const email = uniqueEmail("reset").toLowerCase();
  const id = `e2er${short()}`;
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, '周重置', $3, now())`,
    [id, email, await hashPassword(DEMO_PASSWORD)],
  );
  await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, id]);

  // The learner is signed in on their phone.
  const old = await phone(browser);
  await signIn(old, email);
  await old.goto("/me");
  await expect(old).toHaveURL(/\/me$/);

  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}/learners/${id}`);
  await page.getByRole("button", { name: "生成重置密码链接" }).click();
  await expect(page.getByText("此链接只显示这一次")).toBeVisible();
  const url = await page.getByLabel("重置密码链接").inputValue();
  expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("img", { name: "链接二维码" }).locator("svg")).toBeVisible();
  await page.getByRole("button", { name: "复制链接" }).click();
  await expect(page.getByRole("button", { name: "已复制" })).toBeVisible();
  const [audit] = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'RESET_LINK_ISSUE' AND target = $1`,
    [id],
  );
  expect(Number(audit!.n)).toBe(1);

  // Opened on another device.
  const fresh = await phone(browser);
  await fresh.goto(url);
  await expect(fresh.getByRole("heading", { name: "设置新密码" })).toBeVisible();
  await fresh.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await fresh.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await fresh.getByRole("button", { name: "设置密码" }).click();
  await fresh.waitForURL(/\/login\?done=reset/);
  await expect(fresh.getByRole("status")).toContainText("密码已重新设置");

  // The old session is over.
  await old.goto("/me");
  await expect(old).toHaveURL(/\/login/);
  await signIn(old, email, NEW_PASSWORD);
  await expect(old).toHaveURL(/\/me/);
  await old.context().close();
  await fresh.context().close();
});

test("the bank's client admin sees who has not activated but cannot issue links; 忘记密码 without mail says ask the trainer", async ({
  page,
}) => {
  const cohortId = await newCohort();
  await importedLearner(cohortId, "钱未开");
  await signIn(page, "client@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}/activation`);
  await expect(page.getByRole("row").filter({ hasText: "钱未开" })).toBeVisible();
  await expect(page.getByRole("button", { name: "生成开通通知" })).toHaveCount(0);
  const learnerId = (
    await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE name = '钱未开' ORDER BY "createdAt" DESC LIMIT 1`)
  )[0]!.id;
  await page.goto(`/trainer/cohorts/${cohortId}/learners/${learnerId}`);
  await expect(page.getByRole("heading", { name: "钱未开" })).toBeVisible();
  await expect(page.getByRole("button", { name: /生成.*链接/ })).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByText("请联系您的培训师，为您生成重置密码的链接")).toBeVisible();
});
