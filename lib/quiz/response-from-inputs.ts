// Reads a question's answer from its inputs as the learner sees them. The quiz form uses this
// rather than trusting React state alone: a choice clicked before the page hydrated exists only in
// the DOM (React hydrates an input without resetting what the learner did to it, but its state
// still holds the server's answers), and what is shown as chosen is what must be saved.
import type { Response } from "./score";
import type { PublicQuestion } from "./views";

/** The part of an <input> read here; a plain object in tests. */
export type InputState = { value: string; checked: boolean };

/** The response a question's inputs show, or undefined when they show none (ordering questions
 * are moved with buttons, not inputs, so they have none). */
export function responseFromInputs(q: PublicQuestion, inputs: readonly InputState[]): Response | undefined {
  switch (q.type) {
    case "single": {
      const chosen = inputs.find((i) => i.checked);
      return chosen ? { type: "single", choice: chosen.value } : undefined;
    }
    case "multiple":
      return { type: "multiple", choices: inputs.filter((i) => i.checked).map((i) => i.value) };
    case "truefalse": {
      const chosen = inputs.find((i) => i.checked);
      return chosen ? { type: "truefalse", value: chosen.value === "true" } : undefined;
    }
    case "numeric": {
      const raw = inputs[0]?.value.trim() ?? "";
      const value = Number(raw);
      return raw !== "" && Number.isFinite(value) ? { type: "numeric", value } : undefined;
    }
    case "ordering":
      return undefined;
  }
}

/** Whether two responses are the same answer: the order boxes were ticked in does not matter, and
 * no box ticked is no answer. */
export function isSameResponse(a: Response | undefined, b: Response | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(r: Response | undefined): string {
  if (!r) return "";
  if (r.type === "multiple") return r.choices.length ? JSON.stringify({ ...r, choices: [...r.choices].sort() }) : "";
  return JSON.stringify(r);
}
