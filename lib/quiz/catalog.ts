// Which quizzes exist (from the files), for static pages that link to them.
import { getContent } from "@/lib/content";
import { loadQuizzes, type LoadedQuiz } from "./load";

let cached: LoadedQuiz[] | undefined;

export function getQuizzes(): LoadedQuiz[] {
  cached ??= loadQuizzes(getContent());
  return cached;
}

export function hasQuiz(id: string): boolean {
  return getQuizzes().some((q) => q.id === id);
}
