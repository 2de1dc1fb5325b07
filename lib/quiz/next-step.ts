// Where a quiz's result page sends the learner on: the next module's first lesson; after the last
// module's quiz, the final assessment; after the final assessment, the course page.
import { lessonHref, type Module } from "@/lib/content";
import { FINAL_QUIZ_ID } from "./load";

export type NextStep =
  | { kind: "module"; href: string; number: number; title: string }
  | { kind: "final"; href: string }
  | { kind: "course"; href: string };

/** `moduleSlug` is the quiz's module (null for the final assessment); `hasFinal` says whether the
 * course has a final assessment to go on to. */
export function nextStepAfterQuiz(
  moduleSlug: string | null,
  modules: readonly Pick<Module, "slug" | "number" | "title" | "lessons">[],
  hasFinal: boolean,
): NextStep {
  const at = moduleSlug === null ? -1 : modules.findIndex((m) => m.slug === moduleSlug);
  const next = at >= 0 ? modules[at + 1] : undefined;
  if (next) {
    const first = next.lessons[0];
    // A module still in outline has no lessons yet; its page says what is coming.
    const href = first ? lessonHref(next.slug, first.slug) : `/course/${next.slug}`;
    return { kind: "module", href, number: next.number, title: next.title };
  }
  if (moduleSlug !== null && at >= 0 && hasFinal) return { kind: "final", href: `/quiz/${FINAL_QUIZ_ID}` };
  return { kind: "course", href: "/course" };
}
