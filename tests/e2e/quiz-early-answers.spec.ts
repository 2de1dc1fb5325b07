// Answers given while the quiz page is still server HTML (its scripts not yet loaded, as on a slow
// bank network) must be recorded like any other: shown as chosen means saved and scored.
import type { Page } from "@playwright/test";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { holdScripts } from "./hold-scripts";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

async function signUpLearner(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("姓名").fill("早答学员");
  await page.getByLabel("邮箱").fill(uniqueEmail("early"));
  await page.getByLabel("密码").fill("早答学员的长密码 2026");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL("/me");
}

/** The page is hydrated once React has attached itself to the quiz's inputs. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const input = document.querySelector("fieldset input");
    return input !== null && Object.keys(input).some((k) => k.startsWith("__reactFiber"));
  });
}

async function storedAnswers(attemptId: string) {
  const rows = await queryE2eDb<{ key: string; response: { type: string; choices?: string[] } }>(
    `SELECT v."questionKey" AS key, a.response FROM "Answer" a
       JOIN "QuestionVersion" v ON v.id = a."questionVersionId"
      WHERE a."attemptId" = $1`,
    [attemptId],
  );
  // Choices are stored in the (shuffled) order shown; the order means nothing.
  return Object.fromEntries(
    rows.map((r) => [
      r.key,
      r.response.choices ? { ...r.response, choices: [...r.response.choices].sort() } : r.response,
    ]),
  );
}

test("answers clicked before the quiz page is interactive are kept, saved and scored", async ({ page }) => {
  page.on("dialog", (d) => void d.accept()); // "some questions unanswered — submit?"
  await signUpLearner(page);
  await page.goto("/quiz/evolution");
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptUrl = page.url();
  const attemptId = attemptUrl.split("/").pop()!;

  // The learner opens the attempt on a slow connection and answers at once.
  const scripts = await holdScripts(page);
  await page.goto(attemptUrl, { waitUntil: "commit" });
  const question = (text: string) => page.locator("ol > li").filter({ hasText: text });
  const diners = question("三个时代").getByRole("checkbox", { name: /Diners Club/ });
  const thirdParty = question("三个时代").getByRole("checkbox", { name: /第三方支付/ });
  const mismatch = question("考核只看每月发卡量").getByRole("radio", { name: /阶段错位/ });
  const days = question("上线多少天").getByRole("textbox");
  await diners.check(); // a multiple-choice box
  await mismatch.check(); // a single-choice radio, not touched again
  await days.fill("73"); // a number typed, field left
  await page.locator("h1").click();
  expect(scripts.served, "the answers were given before any script ran").toBe(0);

  // The scripts arrive; the learner ticks a second box in the same question.
  scripts.release();
  await waitForHydration(page);
  await thirdParty.check();
  await expect.soft(diners).toBeChecked();
  await expect.soft(mismatch).toBeChecked();
  await expect.soft(days).toHaveValue("73");

  // Everything shown is autosaved: the server has it before any submit, and a reload shows it.
  const expected = {
    "citic-eras": { type: "multiple", choices: ["a", "b"] },
    "kpi-mismatch": { type: "single", choice: "a" },
    "huawei-card-growth": { type: "numeric", value: 73 },
  };
  await expect.poll(() => storedAnswers(attemptId)).toEqual(expected);
  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(diners).toBeChecked();
  await expect(thirdParty).toBeChecked();
  await expect(mismatch).toBeChecked();
  await expect(days).toHaveValue("73");

  await page.getByRole("button", { name: "提交答卷" }).click();
  const score = page.getByRole("region", { name: "成绩" });
  await expect(score).toContainText("答对 2 / 6 题"); // the radio and the number; the multiple lacks one box
  // The submit adds the ordering question in the order it is shown; the early answers are unchanged.
  expect(await storedAnswers(attemptId)).toMatchObject(expected);
  await expect(page.getByText(/您的答案：.*Diners Club.*第三方支付/)).toBeVisible();
});

test("a radio changed before the page is interactive keeps the new choice over the saved one", async ({ page }) => {
  page.on("dialog", (d) => void d.accept());
  await signUpLearner(page);
  await page.goto("/quiz/evolution");
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptUrl = page.url();
  const attemptId = attemptUrl.split("/").pop()!;
  const question = (text: string) => page.locator("ol > li").filter({ hasText: text });

  // A first answer, saved while the page is interactive.
  await question("北极星").getByRole("radio", { name: "正确" }).check();
  await expect.poll(() => storedAnswers(attemptId)).toEqual({ "north-star": { type: "truefalse", value: true } });

  // Back on a slow connection, the learner changes their mind before the scripts arrive.
  const scripts = await holdScripts(page);
  await page.goto(attemptUrl, { waitUntil: "commit" });
  const wrong = question("北极星").getByRole("radio", { name: "错误" });
  await wrong.check();
  expect(scripts.served, "the answer was changed before any script ran").toBe(0);
  scripts.release();
  await waitForHydration(page);

  await expect(wrong).toBeChecked();
  await expect.poll(() => storedAnswers(attemptId)).toEqual({ "north-star": { type: "truefalse", value: false } });
  await page.getByRole("button", { name: "提交答卷" }).click();
  await expect(page.getByRole("region", { name: "成绩" })).toContainText("答对 1 / 6 题");
});
