// What a content rule reports: which rule, which file, where in it (a line, a question id, a
// field) and what is wrong. `npm run content:check` prints them; tests match on `rule` and `at`.
export type ContentProblem = {
  rule: string;
  file: string;
  /** "line 12", "questions.stage-order", "duration"… */
  at?: string;
  message: string;
};

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.at ? `: ${p.at}` : ""}: ${p.message} [${p.rule}]`;
}
