// The end of a contract, as the admin walks it: a logo for the bank (a bad file gets the field's
// message), the bank's training admin sees it; then the export, the typed name, the erase; the
// former learner cannot sign in and the trainer's cohort page shows only the erased names. A bank
// of its own, made for this test, so the demo banks other specs rely on stay open.
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

test.skip(Boolean(noChromium), noChromium ?? "");

const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function makeBank() {
  const tag = randomBytes(4).toString("hex");
  const code = `CL${tag.toUpperCase()}`.slice(0, 10);
  const name = `结项测试银行${tag}`;
  const hash = await hashPassword(DEMO_PASSWORD);
  const id = (prefix: string) => `e2e${prefix}${tag}`;
  await queryE2eDb(
    `INSERT INTO "Organisation" (id, name, code, "retentionDays", "updatedAt") VALUES ($1, $2, $3, 365, now())`,
    [id("org"), name, code],
  );
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  await queryE2eDb(`INSERT INTO "OrganisationTrainer" ("organisationId", "trainerId") VALUES ($1, $2)`, [
    id("org"),
    trainer!.id,
  ]);
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
    [id("cohort"), `${name}信用卡班`, `CL${tag.toUpperCase()}`, trainer!.id, id("org")],
  );
  const person = async (key: string, role: string, fullName: string) => {
    const email = uniqueEmail(key);
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", "employeeNo", branch, "updatedAt")
       VALUES ($1, $2, $3, $4, $5::"Role", $6, $7, '苏州分行', now())`,
      [id(key), email, fullName, hash, role, id("org"), role === "LEARNER" ? `G${tag}` : null],
    );
    return email;
  };
  const learner = await person("learner", "LEARNER", "顾清扬");
  await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [id("cohort"), id("learner")]);
  const clientAdmin = await person("ca", "CLIENT_ADMIN", "结项银行培训部");
  return { orgId: id("org"), cohortId: id("cohort"), name, learner, clientAdmin };
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: clientAddressHeader() });
  return { context, page: await context.newPage() };
}

test("admin gives a bank its logo, then ends the contract: export, typed name, erase", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const bank = await makeBank();
  await signIn(page, "admin@demo.local");
  await page.goto(`/admin/organisations/${bank.orgId}`);

  // A text file named .png is refused by its bytes, with the field's message.
  const logoInput = page.getByLabel("机构标志图片");
  await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await page.getByRole("button", { name: "上传标志" }).click();
  await expect(page.getByText(/只能上传 PNG、JPEG 或 WebP 图片/).first()).toBeVisible();
  await expect(logoInput).toHaveAttribute("aria-invalid", "true");

  await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG_1X1 });
  await page.getByRole("button", { name: "上传标志" }).click();
  await expect(page.getByText("已更新机构标志")).toBeVisible();
  await expect(page.getByRole("img", { name: `${bank.name}标志` })).toBeVisible();

  // The bank's training admin sees it on their start page.
  const ca = await freshPage(browser);
  await signIn(ca.page, bank.clientAdmin);
  const logo = ca.page.getByRole("img", { name: `${bank.name}标志` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await ca.context.close();

  // Erasing before exporting is refused.
  await page.goto(`/admin/organisations/${bank.orgId}`);
  await page.getByRole("link", { name: /结束合作/ }).click();
  await expect(page.getByRole("heading", { name: `结束合作：${bank.name}` })).toBeVisible();
  await expect(page.getByText(/删除 1 名学员的个人信息/)).toBeVisible();
  const confirm = page.getByLabel("请输入机构全称以确认");
  await confirm.fill(bank.name);
  await page.getByRole("button", { name: "结束合作并删除个人信息" }).click();
  await expect(page.getByText(/请先完成第一步/).first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出全部数据（.xlsx）" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // A name that is not the full name erases nothing.
  await confirm.fill("结项测试银行");
  await page.getByRole("button", { name: "结束合作并删除个人信息" }).click();
  await expect(page.getByText("输入的名称与机构全称不一致，未做任何删除").first()).toBeVisible();

  await confirm.fill(bank.name);
  await page.getByRole("button", { name: "结束合作并删除个人信息" }).click();
  await expect(page.getByRole("status").filter({ hasText: "结束合作：学员 1 人" })).toBeVisible();

  // The former learner can no longer sign in.
  const former = await freshPage(browser);
  await former.page.goto("/login");
  await former.page.getByLabel("邮箱").fill(bank.learner);
  await former.page.getByLabel("密码").fill(DEMO_PASSWORD);
  await former.page.getByRole("button", { name: "登录" }).click();
  await expect(former.page.getByText("账号或密码不正确")).toBeVisible();
  await former.context.close();

  // The trainer's cohort page: read-only, and only the erased name.
  const trainer = await freshPage(browser);
  await signIn(trainer.page, "trainer@demo.local");
  await trainer.page.goto(`/trainer/cohorts/${bank.cohortId}`);
  await expect(trainer.page.getByText(/结束合作：本班级只读/)).toBeVisible();
  await expect(trainer.page.getByText(/已删除学员-/).first()).toBeVisible();
  await expect(trainer.page.getByText("顾清扬")).toHaveCount(0);
  await expect(trainer.page.getByText(/邀请码：/)).toHaveCount(0);
  await trainer.context.close();
});
