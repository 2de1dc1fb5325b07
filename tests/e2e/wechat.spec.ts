// Inside WeChat's in-app browser (the "wechat" project: a 360 px Android phone with WeChat's user
// agent). A learner opens the course from a link in the class group, signs in, reads a lesson,
// passes a quiz and finishes the course; where a real browser would download or print, the page
// shows WeChat's way out instead of a button that does nothing. The trainer, on the same phone,
// gets the class's QR poster as a picture to long-press.
import type { Question } from "@/lib/quiz/schema";
import { rightResponse } from "@/lib/quiz/score";
import { loadContent } from "@/lib/content/load";
import { LONG_PRESS_TO_SAVE, OPEN_IN_BROWSER_TO_DOWNLOAD, OPEN_IN_BROWSER_TO_PRINT } from "@/lib/wechat/hints";
import { expect, noChromium, test } from "./fixtures";
import { answerAll } from "./quiz-answers";
import { finishModules, queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const firstModule = content.modules[0]!;
const firstLesson = firstModule.lessons[0]!;

test("a learner in WeChat signs in, reads a lesson, passes a quiz and is shown WeChat's ways out", async ({ page }) => {
  test.setTimeout(120_000);
  page.on("dialog", (d) => void d.accept());
  expect(await page.evaluate(() => navigator.userAgent)).toContain("MicroMessenger");

  // An account of their own (signing up signs in); then signed out and back in through the form.
  const email = uniqueEmail("wechat").toLowerCase();
  const password = "微信学员的长密码 2026";
  await page.goto("/signup");
  await page.getByLabel("姓名").fill("微信学员 李娜");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL("/me");
  await page.context().clearCookies();
  await signIn(page, email, password);
  await expect(page).toHaveURL("/me");

  // A lesson, read and ticked.
  await page.goto(`/course/${firstModule.slug}/${firstLesson.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: firstLesson.title })).toBeVisible();
  await page.getByRole("button", { name: "标记为已学完" }).click();
  await expect(page.getByRole("status").filter({ hasText: "本节已学完" })).toBeVisible();

  // The module's quiz, answered on the phone and passed.
  await page.goto(`/quiz/${firstModule.slug}`);
  await page.getByRole("button", { name: /开始测验|继续作答/ }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  await expect(page.locator("fieldset").first()).toBeVisible();
  await answerAll(page, firstModule.slug, true);
  await page.getByRole("button", { name: "提交答卷" }).click();
  await expect(page.getByRole("region", { name: "成绩" })).toContainText("100%");

  // The rest of the course is written straight in (the walk is covered by quiz.spec.ts); the final
  // is passed through the app, which issues the certificate.
  const [user] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  await finishModules(user!.id);
  const start = await page.request.post("/api/quizzes/final/attempts");
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const questions = await queryE2eDb<{ id: string; data: Question }>(
    `SELECT v.id, v.data FROM "Attempt" a JOIN "QuestionVersion" v ON v.id = ANY(a."questionIds") WHERE a.id = $1`,
    [attemptId],
  );
  const answers = Object.fromEntries(questions.map((q) => [q.id, rightResponse(q.data)]));
  const submitted = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } });
  expect(await submitted.json()).toMatchObject({ passed: true });

  // The certificate: printing does nothing in WeChat, so the page says how to get to a browser.
  await page.goto("/me");
  await page.getByRole("link", { name: "查看结业证书" }).click();
  await expect(page).toHaveURL(/\/certificates\/[A-Z2-9]{20}$/);
  await expect(page.getByRole("heading", { level: 1, name: "结业证书" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: OPEN_IN_BROWSER_TO_PRINT })).toBeVisible();
  await expect(page.getByRole("button", { name: "打印 / 保存为 PDF" })).toHaveCount(0);
  // WeChat's path is the picture: drawn on the server (the name in it), long-pressed to save; the
  // PDF is the open-in-browser hint rather than a link that downloads nothing.
  const picture = page.getByRole("img", { name: /^结业证书：微信学员 李娜/ });
  await expect(picture).toBeVisible();
  // Drawn per request (about a second): wait for the picture itself, not a fixed time.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1754);
  const png = page.getByRole("link", { name: "下载图片（PNG）" });
  await expect(png).not.toHaveAttribute("download");
  await expect(png).toHaveAttribute("href", /\/api\/certificates\/[A-Z2-9]{20}\/png$/);
  await expect(page.getByText(LONG_PRESS_TO_SAVE).first()).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: `下载 PDF：${OPEN_IN_BROWSER_TO_DOWNLOAD}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "下载 PDF" })).toHaveCount(0);

  // A worksheet's Excel file: the hint, not a link that downloads nothing.
  await page.goto("/worksheets/daily-report");
  await expect(page.getByRole("note").filter({ hasText: `下载 Excel：${OPEN_IN_BROWSER_TO_DOWNLOAD}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "下载 Excel" })).toHaveCount(0);
  await page.goto("/worksheets");
  await expect(page.getByRole("note").filter({ hasText: OPEN_IN_BROWSER_TO_DOWNLOAD }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /下载 Excel/ })).toHaveCount(0);
});

test("a trainer in WeChat opens the class's invite poster as a picture to long-press", async ({ page }) => {
  await signIn(page, "trainer@demo.local");
  const [cohort] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`);
  await page.goto(`/trainer/cohorts/${cohort!.id}`);
  const posters = page.getByRole("region", { name: "微信群海报" });
  const invite = posters.getByRole("link", { name: "邀请海报（PNG）" });
  // Rendered for WeChat from the request itself: no `download` (WeChat ignores it), and the way to save.
  await expect(invite).not.toHaveAttribute("download");
  await expect(posters).toContainText(LONG_PRESS_TO_SAVE);
  // The exports on the same page: WeChat's way out instead of links.
  await expect(page.getByRole("link", { name: "进度 Excel" })).toHaveCount(0);
  await expect(page.getByRole("note").filter({ hasText: `进度 Excel：${OPEN_IN_BROWSER_TO_DOWNLOAD}` })).toBeVisible();

  await invite.click();
  await expect(page).toHaveURL(new RegExp(`/trainer/cohorts/${cohort!.id}/posters/invite$`));
  const size = await page.evaluate(() => {
    const img = document.querySelector("img");
    return img ? { width: img.naturalWidth, height: img.naturalHeight } : null;
  });
  expect(size).toEqual({ width: 1080, height: 1440 });
});
