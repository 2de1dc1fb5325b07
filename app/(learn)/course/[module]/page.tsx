import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getCase, getContent, getModule, lessonHref } from "@/lib/content";
import { moduleReadingMinutes } from "@/lib/content/reading-time";
import { EXERCISES } from "@/lib/exercises/catalog";
import { hasQuiz } from "@/lib/quiz/catalog";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";

type ModulePageProps = { params: Promise<{ module: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().modules.map((m) => ({ module: m.slug }));
}

export async function generateMetadata({ params }: ModulePageProps): Promise<Metadata> {
  const mod = getModule((await params).module);
  if (!mod) return {};
  return pageMetadata({
    title: `${t.course.module(mod.number)} ${mod.title}`,
    description: mod.summary,
    path: `/course/${mod.slug}`,
  });
}

export default async function ModulePage({ params }: ModulePageProps) {
  const mod = getModule((await params).module);
  if (!mod) notFound();
  // A case illustrates a module when either file says so.
  const caseSlugs = new Set([
    ...mod.cases,
    ...getContent()
      .cases.filter((c) => c.modules.includes(mod.slug))
      .map((c) => c.slug),
  ]);
  const cases = [...caseSlugs].map(getCase).filter((c) => c !== undefined);
  const exercises = EXERCISES.filter((e) => e.module === mod.slug);
  const first = mod.lessons[0];
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <Link href="/course" className="text-sm text-brand-600 hover:underline">
        ← {t.course.backToCourse}
      </Link>
      <p className="mt-4 text-sm font-semibold text-accent-700">{t.course.module(mod.number)}</p>
      <h1 className="mt-1 text-3xl font-bold text-brand-900">{mod.title}</h1>
      <p className="mt-3 text-lg text-gray-700">{mod.summary}</p>

      {mod.goals.length > 0 && (
        <section className="mt-6 rounded-lg bg-brand-50 p-5">
          <h2 className="font-semibold text-brand-900">{t.course.goals}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-700">
            {mod.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </section>
      )}

      {mod.status === "outline" && <p className="mt-6 text-gray-600">{t.course.outlineNote}</p>}
      {mod.intro.html && <div className="prose-zh mt-6" dangerouslySetInnerHTML={{ __html: mod.intro.html }} />}

      {mod.lessons.length > 0 && (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">{t.course.lessons}</h2>
          <p className="mt-1 text-sm text-gray-500">本模块阅读{t.lesson.minutes(moduleReadingMinutes(mod))}</p>
          <ol className="mt-4 space-y-3">
            {mod.lessons.map((l, i) => (
              <li key={l.slug}>
                <Link
                  href={lessonHref(mod.slug, l.slug)}
                  className="flex items-start gap-4 rounded-lg border border-gray-200 p-4 hover:border-brand-600"
                >
                  <span className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
                    {i + 1}
                  </span>
                  <span>
                    <span className="block font-semibold text-gray-900">{l.title}</span>
                    <span className="mt-1 block text-sm text-gray-600">{l.summary}</span>
                    <span className="mt-1 block text-xs text-gray-500">{t.lesson.minutes(l.minutes)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          {first && (
            <Link
              href={lessonHref(mod.slug, first.slug)}
              className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
            >
              {t.course.startModule}
            </Link>
          )}
        </section>
      )}

      {hasQuiz(mod.slug) && (
        <section className="mt-10 rounded-lg border border-brand-100 p-5">
          <h2 className="text-xl font-semibold">{t.course.quiz}</h2>
          <p className="mt-2 text-gray-600">{t.course.quizIntro}</p>
          <Link
            href={`/quiz/${mod.slug}`}
            className="mt-3 inline-block rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t.course.takeQuiz}
          </Link>
        </section>
      )}

      {exercises.length > 0 && (
        <section className="mt-10">
          <h2 className="text-xl font-semibold">{t.course.exercises}</h2>
          <ul className="mt-3 space-y-2">
            {exercises.map((e) => (
              <li key={e.slug}>
                <Link href={`/exercises/${e.slug}`} className="text-brand-600 hover:underline">
                  {e.title}
                </Link>
                <span className="ml-2 text-sm text-gray-600">{e.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {cases.length > 0 && (
        <section className="mt-10">
          <h2 className="text-xl font-semibold">{t.course.relatedCases}</h2>
          <ul className="mt-3 space-y-2">
            {cases.map((c) => (
              <li key={c.slug}>
                <Link href={`/cases/${c.slug}`} className="text-brand-600 hover:underline">
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
