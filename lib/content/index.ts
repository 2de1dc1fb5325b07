// The course as the pages see it. Content is read once per process (pages are prerendered at
// build time, so in production this runs during `next build`, not per request).
import { loadContent, type CaseStudy, type Content, type Lesson, type Module } from "./load";

export type { CaseStudy, Content, Lesson, Module } from "./load";

let cached: Content | undefined;

export function getContent(): Content {
  cached ??= loadContent();
  return cached;
}

export function getModule(slug: string): Module | undefined {
  return getContent().modules.find((m) => m.slug === slug);
}

export type LessonRef = { module: Module; lesson: Lesson };

/** Lessons in course order, so "next" runs on from the last lesson of one module into the next module. */
export function allLessons(): LessonRef[] {
  return getContent().modules.flatMap((module) => module.lessons.map((lesson) => ({ module, lesson })));
}

export function getLesson(moduleSlug: string, lessonSlug: string) {
  const list = allLessons();
  const i = list.findIndex((r) => r.module.slug === moduleSlug && r.lesson.slug === lessonSlug);
  if (i < 0) return undefined;
  return { ...list[i]!, prev: list[i - 1], next: list[i + 1], index: i, total: list.length };
}

export function getCase(slug: string): CaseStudy | undefined {
  return getContent().cases.find((c) => c.slug === slug);
}

export function getSources(ids: string[]) {
  const all = getContent().sources;
  return ids.map((id) => all.find((s) => s.id === id)).filter((s) => s !== undefined);
}

export function lessonHref(moduleSlug: string, lessonSlug: string) {
  return `/course/${moduleSlug}/${lessonSlug}`;
}
