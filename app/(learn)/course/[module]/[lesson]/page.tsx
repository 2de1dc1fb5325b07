import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { KeyFigures } from "@/components/key-figures";
import { LessonProgress } from "@/components/lesson-progress";
import { SourceList } from "@/components/source-list";
import { TableOfContents } from "@/components/table-of-contents";
import { allLessons, getLesson, getSources, lessonHref } from "@/lib/content";
import { currentCourseShape } from "@/lib/dashboard/course-shape";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { cardPaths } from "@/lib/share/card-paths";
import { stepAfterLesson } from "@/lib/progress/course-path";
import { markLessonDoneAction } from "../../../progress/actions";

type LessonPageProps = { params: Promise<{ module: string; lesson: string }> };

// Every lesson is prerendered at build time and is the same for every visitor, so a cache in
// front of the app can serve it; anything personal (progress ticks) loads separately.
export const dynamicParams = false;

export function generateStaticParams() {
  return allLessons().map(({ module, lesson }) => ({ module: module.slug, lesson: lesson.slug }));
}

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const p = await params;
  const found = getLesson(p.module, p.lesson);
  if (!found) return {};
  return pageMetadata({
    title: found.lesson.title,
    description: found.lesson.summary,
    path: lessonHref(found.module.slug, found.lesson.slug),
    type: "article",
    image: cardPaths.lesson(found.module.slug, found.lesson.slug),
  });
}

export default async function LessonPage({ params }: LessonPageProps) {
  const p = await params;
  const found = getLesson(p.module, p.lesson);
  if (!found) notFound();
  const { module, lesson, prev, index, total } = found;
  // After a module's last lesson comes its quiz, then the next module (lib/progress/course-path.ts).
  const next = stepAfterLesson(await currentCourseShape(), module.slug, lesson.slug);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[1fr_16rem] lg:gap-10">
      <article className="min-w-0">
        <nav aria-label="breadcrumb" className="text-sm text-gray-500">
          <Link href="/course" className="hover:text-brand-600">
            {t.nav.course}
          </Link>
          {" / "}
          <Link href={`/course/${module.slug}`} className="hover:text-brand-600">
            {t.course.module(module.number)} {module.title}
          </Link>
        </nav>
        <h1 className="mt-3 text-2xl font-bold leading-snug text-brand-900 md:text-3xl">{lesson.title}</h1>
        <p className="mt-2 text-sm text-gray-500">
          {t.lesson.position(index + 1, total)} · {t.lesson.minutes(lesson.minutes)}
        </p>
        <p className="mt-4 text-gray-700">{lesson.summary}</p>

        <details className="mt-6 rounded-lg border border-gray-200 p-4 lg:hidden">
          <summary className="cursor-pointer font-semibold">{t.lesson.toc}</summary>
          <div className="mt-3">
            <TableOfContents entries={lesson.toc} title={t.lesson.toc} />
          </div>
        </details>

        <KeyFigures figures={lesson.keyFigures} title={t.lesson.keyFigures} />
        <div className="prose-zh mt-6" dangerouslySetInnerHTML={{ __html: lesson.html }} />
        <LessonProgress moduleSlug={module.slug} lessonSlug={lesson.slug} markDone={markLessonDoneAction} />
        <SourceList sources={getSources(lesson.sources)} title={t.lesson.sources} />

        <nav aria-label={`${t.lesson.prev} / ${t.lesson.next}`} className="mt-10 grid gap-3 sm:grid-cols-2">
          {prev ? (
            <Link
              href={lessonHref(prev.module.slug, prev.lesson.slug)}
              rel="prev"
              className="rounded-lg border border-gray-200 p-4 hover:border-brand-600"
            >
              <span className="block text-xs text-gray-500">← {t.lesson.prev}</span>
              <span className="mt-1 block font-semibold">{prev.lesson.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link
              href={next.href}
              rel="next"
              className="rounded-lg border border-gray-200 p-4 text-right hover:border-brand-600"
            >
              <span className="block text-xs text-gray-500">
                {next.kind === "lesson" ? t.lesson.next : next.kind === "quiz" ? t.lesson.nextQuiz : t.lesson.nextFinal}{" "}
                →
              </span>
              <span className="mt-1 block font-semibold">
                {next.kind === "final" ? t.lesson.finalTitle : next.title}
              </span>
            </Link>
          ) : (
            <span className="rounded-lg p-4 text-right text-sm text-gray-500">{t.lesson.endOfCourse}</span>
          )}
        </nav>
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents entries={lesson.toc} title={t.lesson.toc} />
        </div>
      </aside>
    </div>
  );
}
