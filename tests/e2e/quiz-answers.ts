// Answering a quiz in the browser from the quiz files themselves, so the browser tests follow the
// content as authors edit it. Questions are found by their prompt, not by position (the order is
// shuffled per attempt).
import type { Locator, Page } from "@playwright/test";
import { loadContent } from "@/lib/content/load";
import { loadQuizzes } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";

const quizzes = loadQuizzes(loadContent());

export function quizQuestions(quizId: string): Question[] {
  const quiz = quizzes.find((q) => q.id === quizId);
  if (!quiz) throw new Error(`no quiz ${quizId}`);
  return quiz.questions;
}

/** The first question of the quiz of this type (the tests need a numeric one, a multiple one…). */
export function questionOfType<T extends Question["type"]>(quizId: string, type: T): Extract<Question, { type: T }> {
  const q = quizQuestions(quizId).find((x) => x.type === type);
  if (!q) throw new Error(`quiz ${quizId} has no ${type} question`);
  return q as Extract<Question, { type: T }>;
}

/** The list item on the attempt page that shows this question. */
export function questionItem(page: Page, question: Question): Locator {
  return page.locator("ol > li").filter({ has: page.locator("legend", { hasText: question.prompt }) });
}

export async function answerRight(item: Locator, question: Question) {
  switch (question.type) {
    case "single":
      await item.getByRole("radio", { name: question.choices.find((c) => c.correct)!.text, exact: true }).check();
      break;
    case "multiple":
      for (const c of question.choices) {
        const box = item.getByRole("checkbox", { name: c.text, exact: true });
        if (c.correct) await box.check();
        else await box.uncheck();
      }
      break;
    case "truefalse":
      await item.getByRole("radio", { name: question.answer ? "正确" : "错误", exact: true }).check();
      break;
    case "numeric":
      await item.getByRole("textbox").fill(String(question.answer));
      break;
    case "ordering":
      // The file lists the items in the right order; move each up until the list reads so.
      for (let target = 0; target < question.items.length; target++) {
        const wanted = question.items[target]!;
        for (;;) {
          const texts = await item.locator("ol li span.flex-1").allTextContents();
          if (texts.indexOf(wanted) === target) break;
          await item.getByRole("button", { name: `上移：${wanted}` }).click();
        }
      }
      break;
  }
}

/** A wrong number for a numeric question: far outside its tolerance. */
export const wrongNumber = (q: Extract<Question, { type: "numeric" }>) => String(q.answer + 100);

/**
 * Answers every question on the attempt page right; or, with `correctly` false, leaves them all
 * blank except the quiz's numeric question (if it has one), answered wrongly.
 */
export async function answerAll(page: Page, quizId: string, correctly: boolean) {
  for (const question of quizQuestions(quizId)) {
    const item = questionItem(page, question);
    if (correctly) await answerRight(item, question);
    else if (question.type === "numeric") await item.getByRole("textbox").fill(wrongNumber(question));
  }
  await page.locator("h1").click(); // leave the last field, as a person moving on would
}
