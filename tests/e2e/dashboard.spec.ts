import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page, Response as PwResponse } from "@playwright/test";
import { loadContent } from "@/lib/content/load";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { signIn } from "./sign-in";
import { answerAll } from "./quiz-answers";
import { queryE2eDb, uniqueEmail } from "./server";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

/** Records the JavaScript a page downloads, to tell whether the chart library was among it. */
function watchScripts(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (res: PwResponse) => {
    if (res.request().resourceType() === "script") bodies.push(res.text().catch(() => ""));
  });
  // A function only Apache ECharts defines; it survives minification as a property name.
  return async () => (await Promise.all(bodies)).some((b) => b.includes("getInstanceByDom"));
}

test("a trainer sees a learner's fresh quiz pass, drills down and downloads the progress export", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const module1 = loadContent().modules[0]!;
  const name = `看板学员${Date.now() % 1_000_000}`;

  // The learner, in their own browser: signs up into DEMO2026 and passes module 1's quiz.
  const learnerContext = await browser.newContext({ extraHTTPHeaders: clientAddressHeader() });
  const learner = await learnerContext.newPage();
  learner.on("dialog", (d) => void d.accept());
  await learner.goto("/signup");
  await learner.getByLabel("姓名").fill(name);
  await learner.getByLabel("邮箱").fill(uniqueEmail("dash"));
  await learner.getByLabel("密码").fill("看板学员的长密码 2026");
  await learner.getByLabel("班级邀请码（选填）").fill("DEMO2026");
  await learner.getByRole("button", { name: "注册" }).click();
  await expect(learner).toHaveURL("/me");
  // The lesson page must not download the chart library.
  const lessonLoadedCharts = watchScripts(learner);
  await learner.goto(`/course/${module1.slug}/${module1.lessons[0]!.slug}`);
  await learner.getByRole("button", { name: "标记为已学完" }).click();
  await expect(learner.getByRole("status").filter({ hasText: "本节已学完" })).toBeVisible();
  expect(await lessonLoadedCharts(), "ECharts in the learner's lesson bundle").toBe(false);
  await learner.goto(`/quiz/${module1.slug}`);
  await learner.getByRole("button", { name: /开始测验|继续作答|再测一次/ }).click();
  await expect(learner.locator("fieldset").first()).toBeVisible();
  await answerAll(learner, module1.slug, true);
  await learner.getByRole("button", { name: "提交答卷" }).click();
  await expect(learner.getByRole("region", { name: "成绩" })).toContainText("100%");
  await learnerContext.close();

  // The trainer.
  const trainerLoadedCharts = watchScripts(page);
  await signIn(page, "trainer@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: "信用卡业务骨干班 · 第一期" }).click();
  await expect(page.getByRole("heading", { name: "信用卡业务骨干班 · 第一期" })).toBeVisible();
  // Today's pass is on the chart, drawn by ECharts (loaded here, on the trainer page).
  await expect(page.locator('[data-chart-ready="true"]')).toBeVisible();
  expect(await trainerLoadedCharts(), "ECharts on the trainer page").toBe(true);
  // The wide matrix scrolls inside its box; the page itself never scrolls sideways (phone too).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.getByRole("searchbox", { name: "姓名、邮箱、工号或手机" }).fill(name);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByText("共 1 名学员")).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row).toContainText("学习中");
  await expect(row.getByRole("cell").nth(1)).toContainText("学习中"); // module 1: one lesson done, quiz passed
  await expect(row.getByRole("cell").nth(1)).toContainText("100");

  // The download carries the filter: exactly this learner.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "进度 Excel" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^信用卡业务骨干班 · 第一期-学习进度-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 7)).toEqual(["姓名", "工号", "分行", "支行/部门", "邮箱", "加入班级时间", "状态"]);
  expect(sheet.rowCount).toBe(2);
  const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1).value;
  expect(cell("姓名")).toBe(name);
  expect(cell("状态")).toBe("学习中");
  expect(cell("模块1 状态")).toBe("学习中");
  expect(cell("模块1 测验最高分")).toBe(100);
  expect(cell("已完成课时")).toBe(1);
  expect(cell("加入班级时间")).toBeInstanceOf(Date);

  // The CSV of the same view: BOM for Excel/WPS, same row.
  const csvLink = await page.getByRole("link", { name: "进度 CSV" }).getAttribute("href");
  const csv = await (await page.request.get(csvLink!)).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.trim().split("\r\n")).toHaveLength(2);
  expect(csv).toContain(`${name},`);

  // Drill down: the attempt with its answers.
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  const attempt = page.locator("details").filter({ hasText: "第 1 次" });
  await expect(attempt).toContainText("100 分");
  await expect(attempt).toContainText("通过");
  await attempt.locator("summary").click();
  await expect(attempt.getByText("✓ 答对").first()).toBeVisible();
  await expect(page.getByText(`✓ ${module1.lessons[0]!.title}`)).toBeVisible();
});

test("question analysis and topic comparison show the demo cohorts' figures", async ({ page }) => {
  await signIn(page, "trainer@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: "2026 春季信用卡中心业务骨干班" }).click();
  await expect(page.getByRole("heading", { name: "2026 春季信用卡中心业务骨干班" })).toBeVisible();
  const cohortUrl = page.url();
  await page.getByRole("link", { name: "题目分析" }).click();
  await page.getByRole("link", { name: /模块一测验/ }).click();
  await expect(page.getByText(/\d+ 名学员提交过/)).toBeVisible();
  // The first question with answers (a kept test database also lists versions its demo data never used).
  const first = page
    .getByRole("listitem", { name: /^第 \d+ 题$/ })
    .filter({ hasText: /作答人数\s*[1-9]/ })
    .first();
  await expect(first).toContainText("答对率");
  await expect(first).toContainText(/区分度\s*-?\d\.\d\d/);
  await expect(first).toContainText(/\d+ 次/);

  // 切出页面: every attempt of this quiz in the cohort left the page twice (set here, put
  // back after), so each question shows all who met it, twice as many times.
  const [, cohortId, quizId] = /\/trainer\/cohorts\/([^/]+)\/quizzes\/([^/?]+)/.exec(page.url())!;
  const before = await queryE2eDb<{ id: string; n: number }>(
    `SELECT a.id, a."visibilityChanges" AS n FROM "Attempt" a
     JOIN "CohortMember" cm ON cm."userId" = a."userId" AND cm."cohortId" = $1 WHERE a."quizId" = $2`,
    [cohortId, quizId],
  );
  await queryE2eDb(`UPDATE "Attempt" SET "visibilityChanges" = 2 WHERE id = ANY($1::text[])`, [
    before.map((r) => r.id),
  ]);
  try {
    await page.reload();
    await expect(page.getByText(/切出页面 = 第一次作答中遇到该题的学员里/)).toBeVisible();
    const met = Number(/作答人数\s*(\d+)/.exec((await first.textContent()) ?? "")![1]);
    expect(met).toBeGreaterThan(0);
    await expect(first).toContainText(`切出页面${met} 人（共 ${met * 2} 次）`);
  } finally {
    await queryE2eDb(
      `UPDATE "Attempt" a SET "visibilityChanges" = v.n FROM unnest($1::text[], $2::int[]) AS v(id, n) WHERE a.id = v.id`,
      [before.map((r) => r.id), before.map((r) => r.n)],
    );
  }

  await page.goto("/trainer/topics");
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("checkbox", { name: "2026 春季信用卡中心业务骨干班" }).check();
  await page.getByRole("checkbox", { name: "华南分行信用卡团队" }).check();
  await page.getByRole("button", { name: "对比" }).click();
  await expect(page.getByRole("columnheader", { name: "华南分行信用卡团队" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "2026 春季信用卡中心业务骨干班" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^指标 / })).toContainText(/%（?\(?\d+\/\d+/);
  await expect(page.locator('[data-chart-ready="true"]')).toBeVisible();

  // Malformed filters: a clear message, the defaults, no error page.
  await page.goto(`${cohortUrl}?page=abc&status=bogus`);
  await expect(page.getByRole("alert").filter({ hasText: "已按默认条件显示" })).toHaveText(
    "状态筛选无效；页码无效，已按默认条件显示。",
  );
  await expect(page.getByText(/共 \d+ 名学员/)).toBeVisible();
});
