// The 结项报告 as a trainer and a bank's training manager use it: open it from the cohort, see
// every section, print it to A4 PDF (Chromium's page.pdf, read back with unpdf) and download the
// .xlsx pack (read back with exceljs); the bank's client admin opens the bank-wide report from
// their start page.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { SECTION_TITLES } from "@/lib/reports/labels";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const COHORT = "2026 春季信用卡中心业务骨干班";
const BANK = "东方示范银行";

test("the trainer opens the cohort report, prints it to PDF and downloads its xlsx pack", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "trainer@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: COHORT }).click();
  await expect(page.getByRole("heading", { level: 1, name: COHORT })).toBeVisible();
  await page.getByRole("navigation", { name: "班级视图" }).getByRole("link", { name: "结项报告" }).click();
  // A report composes every tab of the cohort: slower than one tab on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: `${COHORT} 结项报告` })).toBeVisible({ timeout: 60_000 });
  // Both names: the bank's and the consultancy's.
  await expect(page.getByRole("article").getByText(new RegExp(`客户机构：${BANK}.*培训实施：`))).toBeVisible();
  for (const title of Object.values(SECTION_TITLES))
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  // Every section has figures, not its "nothing yet" line.
  await expect(page.getByText(/还没有|没有需要关注/)).toHaveCount(0);
  // The charts are server-drawn SVG, there before any script runs.
  await expect(page.getByRole("img", { name: "学习完成漏斗：各阶段人数" }).locator("svg")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "打印 / 导出PDF" })).toBeVisible();
  // A stored snapshot: when it was taken, and the button that takes it again.
  await expect(page.getByText(/^数据截至 .*页面、打印和 Excel 数据包都是这一刻的数据/)).toBeVisible();
  await expect(page.getByRole("button", { name: "更新数据" })).toBeVisible();
  // Topic mastery and satisfaction by 分行 too; satisfaction without any 分行 under five answers.
  const topicsByBranch = page
    .getByRole("region", { name: SECTION_TITLES.topics })
    .getByRole("table", { name: "按分行" });
  await expect(topicsByBranch.getByRole("columnheader", { name: "本分行最薄弱的知识点" })).toBeVisible();
  await expect(topicsByBranch.getByRole("row")).toHaveCount(4); // a header and the demo's three 分行
  const satisfactionByBranch = page
    .getByRole("region", { name: SECTION_TITLES.satisfaction })
    .getByRole("table", { name: "各分行满意度（1–5 分）" });
  await expect(satisfactionByBranch.getByRole("row", { name: /^上海分行/ })).toBeVisible();
  for (const row of await satisfactionByBranch.getByRole("row").all()) {
    const cells = await row.getByRole("cell").allTextContents();
    if (cells.length > 1 && /^\d+$/.test(cells[1]!)) expect(Number(cells[1])).toBeGreaterThanOrEqual(5);
  }
  await expect(
    page.getByRole("region", { name: SECTION_TITLES.funnel }).getByRole("cell", { name: "持有效证书" }),
  ).toBeVisible();
  const enrolled = await page
    .getByRole("region", { name: SECTION_TITLES.enrolment })
    .getByText(/^\d+ 人$/)
    .first()
    .textContent();

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  // Each section starts a new page; the site's navigation is not printed.
  expect(totalPages).toBeGreaterThanOrEqual(Object.keys(SECTION_TITLES).length);
  // The system CJK font maps some glyphs to Kangxi radicals (⽅ for 方) in the PDF's text layer;
  // NFKC folds them back to the ideographs a reader would search for.
  const flat = text.normalize("NFKC").replace(/\s+/g, "");
  expect(flat).toContain(BANK);
  for (const title of Object.values(SECTION_TITLES)) expect(flat).toContain(title);
  expect(flat).not.toContain("返回班级列表");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel 数据包" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${COHORT}-结项报告-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual([
    "概况",
    "报名与出勤",
    "学习完成漏斗",
    "训前训后知识提升",
    "结业测评通过率",
    "知识点掌握",
    "知识点掌握（按分行）",
    "满意度",
    "满意度（按分行）",
    "学员反馈原文",
    "行动计划跟进",
    "行动计划示例",
    "试题分析要点",
  ]);
  expect(book.getWorksheet("概况")!.getCell("B3").value).toBe(BANK);
  // The same head count as the page: the 合计 row of 报名与出勤.
  const sheet = book.getWorksheet("报名与出勤")!;
  expect(sheet.getCell("A2").value).toBe("合计");
  expect(`${sheet.getCell("C2").value as number} 人`).toBe(enrolled);
  expect(book.getWorksheet("学员反馈原文")!.rowCount).toBeGreaterThan(1);
  expect(book.getWorksheet("知识点掌握（按分行）")!.rowCount).toBeGreaterThan(3);
  expect(book.getWorksheet("满意度（按分行）")!.getCell("A2").value).toBe("杭州分行");
});

test("the bank's training manager opens the bank-wide report from their start page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "client@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: `${BANK}结项报告 →` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${BANK} 培训项目结项报告` })).toBeVisible({
    timeout: 60_000,
  });
  // Both of the bank's cohorts, and none of the other bank's.
  const cohorts = page.getByRole("table", { name: "各班级概况" });
  await expect(cohorts.getByRole("cell", { name: COHORT })).toBeVisible();
  await expect(cohorts.getByRole("cell", { name: "信用卡业务骨干班 · 第一期" })).toBeVisible();
  await expect(cohorts.getByRole("cell", { name: "华南分行信用卡团队" })).toHaveCount(0);
  for (const title of Object.values(SECTION_TITLES))
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
});

test("the page and its xlsx pack show the stored report until 更新数据 takes it again", async ({ page }) => {
  test.setTimeout(180_000);
  // The other bank's demo cohort, so the tests above (in parallel) keep their own snapshot.
  const [cohort] = await queryE2eDb<{ id: string; name: string }>(
    `SELECT id, name FROM "Cohort" WHERE "inviteCode" = 'SOUTH26'`,
  );
  await signIn(page, "admin@demo.local");
  await page.goto(`/trainer/cohorts/${cohort!.id}/report`);
  const title = page.getByRole("heading", { level: 1, name: `${cohort!.name} 结项报告` });
  await expect(title).toBeVisible({ timeout: 60_000 });
  // The stored report says it was taken on 2 January (still within 24 hours by its row's time, so
  // opening keeps it): page and pack must both show that, not today's figures.
  await queryE2eDb(
    `UPDATE "ReportSnapshot" SET data = jsonb_set(data, '{report,generatedAt}', '"2026-01-02T03:04:00.000Z"')
     WHERE "cohortId" = $1`,
    [cohort!.id],
  );
  await page.reload();
  await expect(title).toBeVisible();
  // Above the report (not printed) and in its heading (printed).
  await expect(page.getByText(/数据截至 2026-01-02 11:04（北京时间）/)).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel 数据包" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${cohort!.name}-结项报告-2026-01-02.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const overview = book.getWorksheet("概况")!;
  expect(overview.getCell("A6").value).toBe("数据截至（北京时间）");
  expect(overview.getCell("B6").value).toBe("2026-01-02 11:04");

  await page.getByRole("button", { name: "更新数据" }).click();
  await expect(page.getByText(/^数据已更新，截至 .*（北京时间）。$/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/数据截至 2026-01-02/)).toHaveCount(0);
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel 数据包" }).click(),
  ]);
  expect(again.suggestedFilename()).not.toContain("2026-01-02");
});
