// The quiz result page: the score is where the learner lands, and the page says what to do next.
import type { Page } from "@playwright/test";
import { loadContent } from "@/lib/content/load";
import { quizQuestions } from "./quiz-answers";
import { expect, noChromium, test } from "./fixtures";
import { finishModules, queryE2eDb, uniqueEmail } from "./server";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

async function signUpLearner(page: Page) {
  const email = uniqueEmail("result");
  await page.goto("/signup");
  await page.getByLabel("姓名").fill("成绩学员");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("成绩学员的长密码 2026");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL("/me");
  return email;
}

/** Starts and submits (blank) an attempt through the API, as the form would; returns its id. */
async function submitBlankAttempt(page: Page, quizId: string) {
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`);
  expect(start.ok()).toBe(true);
  const { attemptId } = (await start.json()) as { attemptId: string };
  expect((await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  return attemptId;
}

test("after a submit the score has the focus, with a retake and the next module on offer", async ({ page }) => {
  page.on("dialog", (d) => void d.accept()); // "some questions unanswered — submit?"
  const [, module2] = loadContent().modules;
  await signUpLearner(page);
  await page.goto("/quiz/evolution");
  await expect(page).toHaveTitle(/^模块一测验/);
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  await expect(page).toHaveTitle(/^模块一测验.*（作答中）/);
  const attemptUrl = page.url();

  await page.getByRole("button", { name: "提交答卷" }).click();
  const heading = page.getByRole("heading", { name: /本次成绩/ });
  await expect(heading).toBeFocused(); // a screen reader announces the score
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(`${attemptUrl}#score`);
  await expect(page).toHaveTitle(/^模块一测验.*（成绩）/);
  await expect(page.getByRole("region", { name: "成绩" })).toContainText(
    `答对 0 / ${quizQuestions("evolution").length} 题`,
  );

  const next = page.getByRole("link", { name: `下一模块：${module2!.title} →` });
  await expect(next).toHaveAttribute("href", `/course/${module2!.slug}/${module2!.lessons[0]!.slug}`);
  await page.getByRole("button", { name: "再测一次" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  await expect(page).not.toHaveURL(attemptUrl);
  await expect(page.locator("fieldset").first()).toBeVisible();

  // A result opened later from the history leaves the focus alone.
  await page.goto(attemptUrl);
  await expect(page.getByRole("region", { name: "成绩" })).toBeVisible();
  await expect(heading).not.toBeFocused();
  await expect(page.getByRole("button", { name: "继续作答" })).toBeVisible(); // the retake just started
});

test("the last module's result leads to the final assessment, and the final's to the course", async ({ page }) => {
  const modules = loadContent().modules;
  const email = await signUpLearner(page);

  await page.goto(`/quiz/attempt/${await submitBlankAttempt(page, modules.at(-1)!.slug)}`);
  await expect(page.getByRole("link", { name: "下一步：结业测评 →" })).toHaveAttribute("href", "/quiz/final");

  // The final opens once every module is done (the gate has its own tests in learning-path.spec).
  const [me] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  await finishModules(me!.id);

  // The final assessment allows 3 attempts: a retake is offered until they are used up.
  await page.goto(`/quiz/attempt/${await submitBlankAttempt(page, "final")}`);
  await expect(page).toHaveTitle(/^结业测评.*（成绩）/);
  await expect(page.getByRole("button", { name: "再测一次" })).toBeVisible();
  await expect(page.getByText("剩余次数：2")).toBeVisible();
  await submitBlankAttempt(page, "final");
  const last = await submitBlankAttempt(page, "final");
  await page.goto(`/quiz/attempt/${last}`);
  await expect(page.getByRole("region", { name: "成绩" })).toBeVisible();
  await expect(page.getByRole("button", { name: "再测一次" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "返回课程目录" })).toHaveAttribute("href", "/course");
});
