// How a quiz is scored. Runs on the server only: the browser never learns which answer is right
// before the attempt is submitted. Every question is worth one point and all-or-nothing
// (a multiple-choice answer missing one right choice, or with one wrong choice, scores 0 — the
// quiz page says so).
import type { Question } from "./schema";

/** What a learner submitted for one question. */
export type Response =
  | { type: "single"; choice: string }
  | { type: "multiple"; choices: string[] }
  | { type: "truefalse"; value: boolean }
  | { type: "ordering"; order: number[] }
  | { type: "numeric"; value: number };

export function isCorrect(question: Question, response: Response | undefined): boolean {
  if (!response || response.type !== question.type) return false;
  switch (question.type) {
    case "single": {
      const r = response as Extract<Response, { type: "single" }>;
      return question.choices.find((c) => c.id === r.choice)?.correct === true;
    }
    case "multiple": {
      const r = response as Extract<Response, { type: "multiple" }>;
      const chosen = new Set(r.choices);
      if (chosen.size !== r.choices.length) return false;
      return (
        question.choices.every((c) => c.correct === chosen.has(c.id)) &&
        [...chosen].every((id) => question.choices.some((c) => c.id === id))
      );
    }
    case "truefalse":
      return (response as Extract<Response, { type: "truefalse" }>).value === question.answer;
    case "ordering": {
      // Items are stored in the right order; the response lists item indexes in the learner's order.
      const order = (response as Extract<Response, { type: "ordering" }>).order;
      return order.length === question.items.length && order.every((itemIndex, position) => itemIndex === position);
    }
    case "numeric": {
      const v = (response as Extract<Response, { type: "numeric" }>).value;
      return Number.isFinite(v) && Math.abs(v - question.answer) <= question.tolerance + 1e-9;
    }
  }
}

export type Score = {
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
  perQuestion: Record<string, boolean>;
};

export function scoreAttempt(
  questions: Question[],
  responses: Record<string, Response | undefined>,
  passMark: number,
): Score {
  const perQuestion: Record<string, boolean> = {};
  for (const q of questions) perQuestion[q.id] = isCorrect(q, responses[q.id]);
  const correct = Object.values(perQuestion).filter(Boolean).length;
  const total = questions.length;
  const percent = total === 0 ? 0 : Math.round((correct / total) * 1000) / 10;
  return { correct, total, percent, passed: percent >= passMark, perQuestion };
}

/** The right answer as a response (demo data and tests answer with it). */
export function rightResponse(q: Question): Response {
  switch (q.type) {
    case "single":
      return { type: "single", choice: q.choices.find((c) => c.correct)!.id };
    case "multiple":
      return { type: "multiple", choices: q.choices.filter((c) => c.correct).map((c) => c.id) };
    case "truefalse":
      return { type: "truefalse", value: q.answer };
    case "ordering":
      return { type: "ordering", order: q.items.map((_, i) => i) };
    case "numeric":
      return { type: "numeric", value: q.answer };
  }
}
