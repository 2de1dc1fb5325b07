import { loadContent } from "@/lib/content/load";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

// The real course, read the way the site reads it, so the test follows content edits.
const content = loadContent();
const module1 = content.modules[0]!;
const [lesson1, lesson2] = module1.lessons;
const firstCase = content.cases[0]!;

test("a learner goes from the home page through module 1 to a case study", async ({ page, isMobile }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(content.course.title);

  // On a phone the header links sit behind the 导航 menu.
  if (isMobile) await page.getByText("导航", { exact: true }).click();
  await page.getByRole("banner").getByRole("link", { name: "课程", exact: true }).locator("visible=true").click();
  await expect(page.getByRole("heading", { level: 1, name: "课程目录" })).toBeVisible();
  await page.getByRole("link", { name: module1.title, exact: true }).click();

  await expect(page).toHaveURL(`/course/${module1.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: module1.title })).toBeVisible();
  await page
    .getByRole("link", { name: new RegExp(lesson1!.title) })
    .first()
    .click();

  await expect(page).toHaveURL(`/course/${module1.slug}/${lesson1!.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: lesson1!.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "要点" })).toBeVisible();
  await expect(page.getByText(/约 \d+ 分钟/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "出处" })).toBeVisible();

  await page.getByRole("link", { name: new RegExp(`下一节.*${escape(lesson2!.title)}`) }).click();
  await expect(page).toHaveURL(`/course/${module1.slug}/${lesson2!.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: lesson2!.title })).toBeVisible();

  await page.goto("/cases");
  await page.getByRole("link", { name: firstCase.title }).click();
  await expect(page).toHaveURL(`/cases/${firstCase.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: firstCase.title })).toBeVisible();
  await expect(page.getByRole("region", { name: "关键数据" })).toContainText(firstCase.keyFigures[0]!.value);
  await expect(page.getByRole("heading", { name: "讨论题" })).toBeVisible();
});

test("the table of contents links to the lesson's sections", async ({ page, isMobile }) => {
  await page.goto(`/course/${module1.slug}/${lesson1!.slug}`);
  const toc = page.getByRole("navigation", { name: "本节目录" }).locator("visible=true");
  if (isMobile) await page.getByText("本节目录", { exact: true }).first().click();
  const firstEntry = lesson1!.toc[0]!;
  await toc.getByRole("link", { name: firstEntry.text }).click();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(firstEntry.id)}$`));
});

test("the course can be walked with the keyboard alone", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard navigation is a desktop concern");
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeFocused();
  // Tab until the "开始学习" call to action has focus, then follow it with Enter.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByRole("link", { name: "开始学习" }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole("link", { name: "开始学习" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/course/${module1.slug}`);
});

test("an unknown address shows the friendly 404 page", async ({ page }) => {
  const res = await page.goto("/course/no-such-module/none");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "回到首页" })).toBeVisible();
});

test("pages do not scroll sideways on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [
    "/",
    "/course",
    `/course/${module1.slug}`,
    `/course/${module1.slug}/${lesson1!.slug}`,
    "/cases",
    `/cases/${firstCase.slug}`,
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test("nothing is loaded from outside the app", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:") outside.push(req.url());
  });
  await page.goto("/");
  await page.goto(`/course/${module1.slug}/${lesson1!.slug}`);
  await page.goto(`/cases/${firstCase.slug}`);
  expect(outside).toEqual([]);
});

test("GET /api/health reports the database up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
