// The course in the order a learner walks it: a module's lessons, then that module's quiz, then
// the next module; after the last module, the final assessment. The lesson pages' "next" link and
// the 继续学习 button on /me both read this one list, so they cannot disagree about what follows
// what. Pure (no database): the course comes in as a CourseShape.
import type { CourseShape } from "@/lib/dashboard/course-shape";

export type CourseStep =
  | { kind: "lesson"; moduleSlug: string; lessonSlug: string; title: string; href: string }
  | { kind: "quiz"; moduleSlug: string; quizId: string; title: string; href: string }
  | { kind: "final"; quizId: string; href: string };

export function lessonStep(module: CourseShape["modules"][number], i: number): CourseStep {
  const lessonSlug = module.lessons[i]!;
  return {
    kind: "lesson",
    moduleSlug: module.slug,
    lessonSlug,
    title: module.lessonTitles?.[i] ?? lessonSlug,
    href: `/course/${module.slug}/${lessonSlug}`,
  };
}

/** One module's steps: its lessons in order, then its quiz (when it has one). */
export function moduleSteps(module: CourseShape["modules"][number]): CourseStep[] {
  const steps = module.lessons.map((_, i) => lessonStep(module, i));
  if (module.quizId) {
    steps.push({
      kind: "quiz",
      moduleSlug: module.slug,
      quizId: module.quizId,
      title: module.quizTitle ?? module.title,
      href: `/quiz/${module.quizId}`,
    });
  }
  return steps;
}

export function courseSteps(course: CourseShape): CourseStep[] {
  const steps = course.modules.flatMap(moduleSteps);
  if (course.finalQuizId)
    steps.push({ kind: "final", quizId: course.finalQuizId, href: `/quiz/${course.finalQuizId}` });
  return steps;
}

/** What a lesson's "next" link leads to: the next lesson, or the module's quiz after its last one. */
export function stepAfterLesson(course: CourseShape, moduleSlug: string, lessonSlug: string): CourseStep | null {
  const steps = courseSteps(course);
  const i = steps.findIndex((s) => s.kind === "lesson" && s.moduleSlug === moduleSlug && s.lessonSlug === lessonSlug);
  return i === -1 ? null : (steps[i + 1] ?? null);
}
