// The way through the course and into a class: lesson → module quiz, 继续学习 after a failed quiz,
// the final's page while modules are missing, an invite link followed by signing in with an
// existing account, and where trainers land.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { loadContent } from "@/lib/content/load";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { expect, noChromium, test } from "./fixtures";
import { finishModules, queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const [module1, module2, module3] = content.modules;

/** A fresh learner account (demo password), so no test changes a shared demo account. */
async function newLearner(prefix: string) {
  const email = uniqueEmail(prefix).toLowerCase();
  const id = `path${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, '路径学员', $3, 'LEARNER', now())`,
    [id, email, await hashPassword(DEMO_PASSWORD)],
  );
  return { id, email };
}

test("a module's last lesson leads to that module's quiz", async ({ page }) => {
  await page.goto(`/course/${module1!.slug}/${module1!.lessons.at(-1)!.slug}`);
  const next = page.locator('a[rel="next"]');
  await expect(next).toContainText("下一步：模块测验");
  await next.click();
  await expect(page).toHaveURL(`/quiz/${module1!.slug}`);
  // Any other lesson still leads to the next lesson.
  await page.goto(`/course/${module1!.slug}/${module1!.lessons[0]!.slug}`);
  await expect(page.locator('a[rel="next"]')).toHaveAttribute(
    "href",
    `/course/${module1!.slug}/${module1!.lessons[1]!.slug}`,
  );
});

test("after a failed quiz, 继续学习 on /me leads back to that quiz and the module's bar is not full", async ({
  page,
}) => {
  const learner = await newLearner("failed");
  for (const l of module1!.lessons)
    await queryE2eDb(`INSERT INTO "LessonProgress" ("userId", "moduleSlug", "lessonSlug") VALUES ($1, $2, $3)`, [
      learner.id,
      module1!.slug,
      l.slug,
    ]);
  await queryE2eDb(
    `INSERT INTO "Attempt" (id, "userId", "quizId", "questionIds", "submittedAt", correct, total, percent, passed)
     VALUES ($1, $2, $3, ARRAY[]::text[], now(), 1, 5, 20, false)`,
    [`failed-${learner.id}`, learner.id, module1!.slug],
  );
  await signIn(page, learner.email);
  await page.goto("/me");
  const go = page.getByRole("link", { name: /^继续学习：/ });
  await expect(go).toHaveAttribute("href", `/quiz/${module1!.slug}`);
  const bar = page.getByRole("progressbar", { name: "模块 1 进度" });
  const lessons = module1!.lessons.length;
  await expect(bar).toHaveAttribute("aria-valuenow", String(Math.round((lessons / (lessons + 1)) * 100)));
  await go.click();
  await expect(page).toHaveURL(`/quiz/${module1!.slug}`);
});

test("the final's page lists the unfinished modules with links, and offers no start", async ({ page }) => {
  const learner = await newLearner("gated");
  await finishModules(learner.id, { quiz: module3!.slug });
  const missingLesson = module2!.lessons.at(-1)!;
  await queryE2eDb(`DELETE FROM "LessonProgress" WHERE "userId" = $1 AND "moduleSlug" = $2 AND "lessonSlug" = $3`, [
    learner.id,
    module2!.slug,
    missingLesson.slug,
  ]);
  await signIn(page, learner.email);
  await page.goto("/quiz/final");
  const missing = page.getByRole("region", { name: "尚未完成的模块" });
  await expect(missing).toContainText("还差以下 2 个模块");
  await expect(missing.getByRole("link", { name: `模块 1 ${module1!.title}` })).toHaveCount(0);
  await expect(missing.getByRole("link", { name: missingLesson.title })).toHaveAttribute(
    "href",
    `/course/${module2!.slug}/${missingLesson.slug}`,
  );
  await expect(missing.getByRole("link", { name: `模块 3 ${module3!.title}` })).toBeVisible();
  await expect(missing.getByRole("link", { name: "模块测验" })).toHaveAttribute("href", `/quiz/${module3!.slug}`);
  await expect(page.getByRole("button", { name: "开始测验" })).toHaveCount(0);
});

test("an invite link, then 登录 with an existing account: the pages name the class and signing in enrols", async ({
  page,
}) => {
  const learner = await newLearner("invited");
  const cohort = "信用卡业务骨干班 · 第一期";
  await page.goto("/join/DEMO2026");
  await expect(page).toHaveURL("/signup?invite=DEMO2026");
  await expect(page.getByRole("region", { name: "要加入的班级" })).toContainText(`注册后将加入班级：${cohort}`);
  // The header's links keep the code too.
  await expect(page.getByRole("banner").getByRole("link", { name: "注册" })).toHaveAttribute(
    "href",
    "/signup?invite=DEMO2026",
  );
  await page.getByRole("main").getByRole("link", { name: "登录" }).click();
  await expect(page).toHaveURL("/login?invite=DEMO2026");
  await expect(page.getByRole("region", { name: "要加入的班级" })).toContainText(`登录后将加入班级：${cohort}`);
  await page.getByLabel("邮箱").fill(learner.email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL("/me");
  await expect(page.getByRole("heading", { name: "我的班级" }).locator("..")).toContainText(cohort);
  const rows = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM "CohortMember" m JOIN "Cohort" c ON c.id = m."cohortId" WHERE c."inviteCode" = 'DEMO2026' AND m."userId" = $1`,
    [learner.id],
  );
  expect(rows).toEqual([{ n: "1" }]);
});

test("an unknown invite code says so in Chinese", async ({ page }) => {
  await page.goto("/join/NOSUCH99");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("邀请码无效");
  await page.goto("/login?invite=NOSUCH99");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("邀请码无效");
});

test("a trainer lands on /trainer after signing in, a learner on /me", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill("trainer@demo.local");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL("/trainer");

  const other = await browser.newContext({ baseURL: page.url().replace(/\/trainer$/, "") });
  const learnerPage = await other.newPage();
  await signIn(learnerPage, (await newLearner("lands")).email);
  await expect(learnerPage).toHaveURL("/me");
  await other.close();
});
