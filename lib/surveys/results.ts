// Survey results from the stored answers: per item average and distribution, NPS, verbatims.
// Pure, so the arithmetic is pinned by unit tests. The anonymity threshold lives here too: an
// anonymous run shows nothing until MIN_ANONYMOUS_RESPONSES have answered, because with two or
// three responses a trainer who knows the room can tell who wrote what.
import type { Survey, SurveyAnswers } from "./schema";

export const MIN_ANONYMOUS_RESPONSES = 5;

export function resultsVisible(anonymous: boolean, responses: number): boolean {
  return responses > 0 && (!anonymous || responses >= MIN_ANONYMOUS_RESPONSES);
}

export type NpsResult = {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Promoters' share minus detractors' share, in percentage points (-100…100); null with no answers. */
  score: number | null;
};

/** NPS: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function netPromoterScore(values: number[]): NpsResult {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const n = values.length;
  return {
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: n === 0 ? null : Math.round(((promoters - detractors) / n) * 1000) / 10,
  };
}

export type ScaleResult = {
  n: number;
  average: number | null;
  /** counts[k] = how many answered k (likert: index 1–5, nps: 0–10; likert index 0 stays 0). */
  counts: number[];
};

export function scaleResult(values: number[], max: number): ScaleResult {
  const counts = Array.from({ length: max + 1 }, () => 0);
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  const n = values.length;
  return { n, average: n === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / n) * 100) / 100, counts };
}

export type ItemResult =
  | { id: string; type: "likert"; prompt: string; scale: ScaleResult }
  | { id: string; type: "nps"; prompt: string; scale: ScaleResult; nps: NpsResult }
  | { id: string; type: "choice"; prompt: string; options: { label: string; count: number }[] }
  | { id: string; type: "text"; prompt: string; verbatims: { text: string; by: string | null }[] };

export type SurveyResults = {
  responses: number;
  sections: { title: string; items: ItemResult[] }[];
  nps: NpsResult | null;
};

/**
 * `by` is the respondent's name in named mode; the caller passes null for every response of an
 * anonymous run (it has no names to pass), so verbatims there never carry one.
 */
export function computeResults(
  survey: Survey,
  responses: { answers: SurveyAnswers; by: string | null }[],
): SurveyResults {
  const numbers = (id: string) =>
    responses.map((r) => r.answers[id]).filter((v): v is number => typeof v === "number" && Number.isInteger(v));
  let nps: NpsResult | null = null;
  const sections = survey.sections.map((section) => ({
    title: section.title,
    items: section.items.map((item): ItemResult => {
      switch (item.type) {
        case "likert":
          return {
            id: item.id,
            type: "likert",
            prompt: item.prompt,
            scale: scaleResult(
              numbers(item.id).filter((v) => v >= 1 && v <= 5),
              5,
            ),
          };
        case "nps": {
          const values = numbers(item.id).filter((v) => v >= 0 && v <= 10);
          nps = netPromoterScore(values);
          return { id: item.id, type: "nps", prompt: item.prompt, scale: scaleResult(values, 10), nps };
        }
        case "choice":
          return {
            id: item.id,
            type: "choice",
            prompt: item.prompt,
            options: item.options.map((label) => ({
              label,
              count: responses.filter((r) => r.answers[item.id] === label).length,
            })),
          };
        case "text":
          return {
            id: item.id,
            type: "text",
            prompt: item.prompt,
            verbatims: responses.flatMap((r) => {
              const v = r.answers[item.id];
              return typeof v === "string" && v.trim() ? [{ text: v, by: r.by }] : [];
            }),
          };
      }
    }),
  }));
  return { responses: responses.length, sections, nps };
}

/** The average of a section's Likert items (each item's average weighted by its answers). */
export function sectionAverage(items: ItemResult[]): number | null {
  let sum = 0;
  let n = 0;
  for (const item of items)
    if (item.type === "likert" && item.scale.average !== null) {
      sum += item.scale.average * item.scale.n;
      n += item.scale.n;
    }
  return n === 0 ? null : Math.round((sum / n) * 100) / 100;
}
