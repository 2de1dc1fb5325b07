// The course as the dashboard sees it: modules with their lesson slugs and quiz ids. Built from
// content/ for the pages; the benchmark builds a synthetic one (40 lessons, 10 quizzes), which
// is why the queries take it as a parameter instead of reading content/ themselves.
import type { Content } from "@/lib/content/load";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";

export type CourseShape = {
  modules: {
    slug: string;
    number: number;
    title: string;
    lessons: string[];
    lessonTitles?: string[];
    quizId: string | null;
    quizTitle: string | null;
  }[];
  finalQuizId: string | null;
};

export function courseShapeOf(content: Content, quizzes: { id: string; title: string }[]): CourseShape {
  const byId = new Map(quizzes.map((q) => [q.id, q.title]));
  return {
    modules: content.modules.map((m) => ({
      slug: m.slug,
      number: m.number,
      title: m.title,
      lessons: m.lessons.map((l) => l.slug),
      lessonTitles: m.lessons.map((l) => l.title),
      quizId: byId.has(m.slug) ? m.slug : null,
      quizTitle: byId.get(m.slug) ?? null,
    })),
    finalQuizId: byId.has(FINAL_QUIZ_ID) ? FINAL_QUIZ_ID : null,
  };
}

/** The arrays the SQL in this folder unnests: one entry per module, "" for no quiz. */
export function shapeArrays(shape: CourseShape) {
  return {
    moduleSlugs: shape.modules.map((m) => m.slug),
    lessonCounts: shape.modules.map((m) => m.lessons.length),
    moduleQuizzes: shape.modules.map((m) => m.quizId ?? ""),
    lessonKeys: shape.modules.flatMap((m) => m.lessons.map((l) => `${m.slug}/${l}`)),
    finalQuizId: shape.finalQuizId ?? "",
  };
}

let current: CourseShape | undefined;

/** The shape of the course in content/ (read once per process, like the content itself). */
export async function currentCourseShape(): Promise<CourseShape> {
  if (!current) {
    const [{ getContent }, { getQuizzes }] = await Promise.all([import("@/lib/content"), import("@/lib/quiz/catalog")]);
    current = courseShapeOf(getContent(), getQuizzes());
  }
  return current;
}
