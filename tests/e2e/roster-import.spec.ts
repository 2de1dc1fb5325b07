// A trainer onboards a bank's staff from a roster: downloads the template, uploads the sample with
// its five mistakes, reads a message per bad cell while nothing is imported, fixes the file,
// previews again and imports; the learners appear in the matrix with their 分行. The bank's
// training admin sees the cohort but no import, and the import endpoints refuse them.
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { rosterWorkbook, SAMPLE_ROWS, type SampleRow } from "../fixtures/roster-sample";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const id = () => `e2e${randomUUID().replaceAll("-", "").slice(0, 20)}`;

/** A bank of its own per run (so the sample's 工号 are new), with trainer@demo.local assigned and a client admin. */
async function freshBankCohort() {
  const suffix = randomUUID().replaceAll("-", "").slice(0, 6).toUpperCase();
  const [org, cohort] = [id(), id()];
  await queryE2eDb(`INSERT INTO "Organisation" (id, name, code, "updatedAt") VALUES ($1, $2, $3, now())`, [
    org,
    `名单测试银行 ${suffix}`,
    `R${suffix}`.replace(/[^A-Z0-9]/g, "X"),
  ]);
  await queryE2eDb(
    `INSERT INTO "OrganisationTrainer" ("organisationId", "trainerId") SELECT $1, id FROM "User" WHERE email = 'trainer@demo.local'`,
    [org],
  );
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId")
     SELECT $1, $2, $3, id, $4 FROM "User" WHERE email = 'trainer@demo.local'`,
    [cohort, `名单导入班 ${suffix}`, `RI${suffix}`, org],
  );
  const clientEmail = uniqueEmail("roster-client").toLowerCase();
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", "updatedAt")
     VALUES ($1, $2, '名单测试银行 培训部', $3, 'CLIENT_ADMIN', $4, now())`,
    [id(), clientEmail, await hashPassword(DEMO_PASSWORD), org],
  );
  return { org, cohort, clientEmail };
}

const learnersOf = async (org: string) =>
  Number(
    (
      await queryE2eDb<{ n: string }>(
        `SELECT count(*) AS n FROM "User" WHERE "organisationId" = $1 AND role = 'LEARNER'`,
        [org],
      )
    )[0]!.n,
  );

test("a trainer imports a roster with mistakes, fixes it, imports; the bank's client admin cannot", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { org, cohort, clientEmail } = await freshBankCohort();
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohort}`);
  const section = page.getByRole("region", { name: "导入学员名单" });

  // The template: two sheets, the seven headers, text-formatted columns (leading zeros survive).
  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "下载名单模板（.xlsx）" }).click();
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(readFileSync((await (await downloading).path())!) as unknown as ArrayBuffer);
  expect(template.worksheets.map((s) => s.name)).toEqual(["学员名单", "填写说明"]);
  const sheet = template.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    "姓名",
    "工号",
    "手机",
    "邮箱",
    "分行",
    "支行/部门",
    "岗位",
  ]);
  expect(sheet.getColumn(2).numFmt).toBe("@");
  expect(sheet.rowCount).toBe(1);

  // The sample with five mistakes: a message per bad cell, no confirm button, nothing written.
  const file = section.getByLabel(/名单文件/);
  await file.setInputFiles("tests/fixtures/roster-sample.xlsx");
  await section.getByRole("button", { name: "上传并预览" }).click();
  await expect(section.getByText("共 8 行：新建 3 · 更新 0 · 跳过（无变化）0 · 有问题 5")).toBeVisible();
  for (const message of [
    "姓名：必填，请填写",
    "手机：请填写 11 位中国大陆手机号",
    "工号：与文件中前面的行重复",
    "邮箱：邮箱格式不正确",
    "分行：内容过长",
  ]) {
    await expect(section.getByText(message)).toBeVisible();
  }
  const row4 = section.getByRole("row").filter({ hasText: "000103" });
  await expect(row4.getByRole("cell").nth(1)).toHaveText("有问题");
  await expect(section.getByRole("button", { name: /确认导入/ })).toHaveCount(0);
  expect(await learnersOf(org)).toBe(0);

  // The trainer fixes each mistake in the file and previews again.
  const fixed: SampleRow[] = SAMPLE_ROWS.map((r): SampleRow => [...r]);
  fixed[2]![0] = "韩雪";
  fixed[3]![2] = "13800138104";
  fixed[4]![1] = "000105";
  fixed[5]![3] = "";
  fixed[6]![4] = "苏州分行";
  const fixedPath = testInfo.outputPath("roster-fixed.xlsx");
  writeFileSync(fixedPath, await rosterWorkbook(fixed));
  await file.setInputFiles(fixedPath);
  await section.getByRole("button", { name: "上传并预览" }).click();
  await expect(section.getByText("共 8 行：新建 8 · 更新 0 · 跳过（无变化）0 · 有问题 0")).toBeVisible();
  await section.getByRole("button", { name: "确认导入 8 人" }).click();
  await expect(
    section.getByRole("status").filter({ hasText: "已导入：新建 8 人，更新 0 人，无变化 0 人。" }),
  ).toBeVisible();
  expect(await learnersOf(org)).toBe(8);

  // In the matrix, with their 分行 (the page refreshed itself).
  await expect(page.getByRole("rowheader", { name: /陈思远/ })).toContainText("上海分行");
  await expect(page.getByRole("rowheader", { name: /韩雪/ })).toContainText("杭州分行");
  await expect(page.getByText("共 8 名学员")).toBeVisible();

  // The same file again: everyone unchanged, nothing to import.
  await file.setInputFiles(fixedPath);
  await section.getByRole("button", { name: "上传并预览" }).click();
  await expect(section.getByText("共 8 行：新建 0 · 更新 0 · 跳过（无变化）8 · 有问题 0")).toBeVisible();
  await expect(section.getByText("名单与系统中一致，无需导入。")).toBeVisible();

  // The bank's client admin: the cohort, read-only; every import endpoint answers 403.
  const clientContext = await browser.newContext({ extraHTTPHeaders: clientAddressHeader() });
  const client = await clientContext.newPage();
  await signIn(client, clientEmail);
  await client.goto(`/trainer/cohorts/${cohort}`);
  await expect(client.getByText("共 8 名学员")).toBeVisible();
  await expect(client.getByRole("region", { name: "导入学员名单" })).toHaveCount(0);
  await expect(client.getByRole("link", { name: /名单模板/ })).toHaveCount(0);
  expect((await client.request.get(`/trainer/cohorts/${cohort}/roster/template`)).status()).toBe(403);
  const upload = {
    file: { name: "roster.xlsx", mimeType: "application/octet-stream", buffer: await rosterWorkbook(fixed) },
  };
  expect((await client.request.post(`/api/cohorts/${cohort}/roster/preview`, { multipart: upload })).status()).toBe(
    403,
  );
  expect(
    (
      await client.request.post(`/api/cohorts/${cohort}/roster/import`, {
        multipart: { ...upload, fingerprint: "x".repeat(43) },
      })
    ).status(),
  ).toBe(403);
  await clientContext.close();
  expect(await learnersOf(org)).toBe(8);
});
