// Answers given while the quiz page is still server HTML (its scripts not yet loaded, as on a slow
// bank network) must be recorded like any other: shown as chosen means saved and scored.
import type { Page } from "@playwright/test";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { holdScripts } from "./hold-scripts";
import { questionItem, questionOfType, quizQuestions } from "./quiz-answers";

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
  // Module 6's quiz has every kind of input: a multiple, a single and a numeric question.
  const multiple = questionOfType("metrics", "multiple");
  const single = questionOfType("metrics", "single");
  const numeric = questionOfType("metrics", "numeric");
  const [first, second] = multiple.choices.filter((c) => c.correct);
  const rightChoice = single.choices.find((c) => c.correct)!;
  await signUpLearner(page);
  await page.goto("/quiz/metrics");
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\//);
  const attemptUrl = page.url();
  const attemptId = attemptUrl.split("/").pop()!;

  // The learner opens the attempt on a slow connection and answers at once.
  const scripts = await holdScripts(page);
  await page.goto(attemptUrl, { waitUntil: "commit" });
  const box1 = questionItem(page, multiple).getByRole("checkbox", { name: first!.text, exact: true });
  const box2 = questionItem(page, multiple).getByRole("checkbox", { name: second!.text, exact: true });
  const radio = questionItem(page, single).getByRole("radio", { name: rightChoice.text, exact: true });
  const number = questionItem(page, numeric).getByRole("textbox");
  await box1.check(); // a multiple-choice box
  await radio.check(); // a single-choice radio, not touched again
  await number.fill(String(numeric.answer)); // a number typed, field left
  await page.locator("h1").click();
  expect(scripts.served, "the answers were given before any script ran").toBe(0);

  // The scripts arrive; the learner ticks a second box in the same question.
  scripts.release();
  await waitForHydration(page);
  await box2.check();
  await expect.soft(box1).toBeChecked();
  await expect.soft(radio).toBeChecked();
  await expect.soft(number).toHaveValue(String(numeric.answer));

  // Everything shown is autosaved: the server has it before any submit, and a reload shows it.
  const expected = {
    [multiple.id]: { type: "multiple", choices: [first!.id, second!.id].sort() },
    [single.id]: { type: "single", choice: rightChoice.id },
    [numeric.id]: { type: "numeric", value: numeric.answer },
  };
  await expect.poll(() => storedAnswers(attemptId)).toEqual(expected);
  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(box1).toBeChecked();
  await expect(box2).toBeChecked();
  await expect(radio).toBeChecked();
  await expect(number).toHaveValue(String(numeric.answer));

  await page.getByRole("button", { name: "提交答卷" }).click();
  const score = page.getByRole("region", { name: "成绩" });
  // All three right if the multiple's key is exactly those two boxes.
  const multipleRight = multiple.choices.filter((c) => c.correct).length === 2 ? 1 : 0;
  await expect(score).toContainText(`答对 ${2 + multipleRight} / ${quizQuestions("metrics").length} 题`);
  expect(await storedAnswers(attemptId)).toMatchObject(expected);
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.getByText(new RegExp(`您的答案：.*${esc(first!.text)}.*${esc(second!.text)}`))).toBeVisible();
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
  await expect(page.getByRole("region", { name: "成绩" })).toContainText(
    `答对 1 / ${quizQuestions("evolution").length} 题`,
  );
});
