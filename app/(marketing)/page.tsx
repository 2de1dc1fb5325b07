import type { Metadata } from "next";
import Link from "@/components/link";
import { getContent } from "@/lib/content";
import { EnquirySection } from "@/components/enquiry/enquiry-section";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { cardPaths } from "@/lib/share/card-paths";

export function generateMetadata(): Metadata {
  return pageMetadata({ description: getContent().course.subtitle, path: "/", image: cardPaths.site });
}

export default function LandingPage() {
  const { course, modules, cases } = getContent();
  const lessons = modules.reduce((n, m) => n + m.lessons.length, 0);
  const firstModule = modules[0];
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-6xl px-4 py-12 md:py-20">
          <p className="text-sm font-semibold text-accent-700">{t.landing.heroEyebrow}</p>
          <h1 className="mt-2 text-3xl font-bold leading-tight text-brand-900 md:text-5xl">{course.title}</h1>
          <p className="mt-4 max-w-2xl text-lg text-gray-700">{course.subtitle}</p>
          <p className="mt-3 text-sm text-gray-600">
            {t.landing.moduleCount(modules.length)} · {t.landing.lessonCount(lessons)} · {t.landing.durationLabel}{" "}
            {course.duration}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href={firstModule ? `/course/${firstModule.slug}` : "/course"}
              className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700"
            >
              {t.landing.startCourse}
            </Link>
            <Link
              href="/enquiry"
              className="rounded-lg border border-accent-700 px-5 py-3 font-semibold text-accent-700 hover:bg-brand-50"
            >
              {t.nav.enquiry}
            </Link>
            <Link
              href="/cases"
              className="rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t.landing.browseCases}
            </Link>
          </div>
        </div>
      </section>

      <section className="mx-auto grid max-w-6xl gap-8 px-4 py-12 md:grid-cols-3">
        <div>
          <h2 className="text-xl font-bold text-brand-900">{t.landing.audienceTitle}</h2>
          <ul className="mt-3 space-y-2 text-gray-700">
            {course.audience.map((a) => (
              <li key={a}>· {a}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="text-xl font-bold text-brand-900">{t.landing.problemTitle}</h2>
          <p className="mt-3 leading-relaxed text-gray-700">{course.problem}</p>
        </div>
        <div>
          <h2 className="text-xl font-bold text-brand-900">{t.landing.goalsTitle}</h2>
          <ul className="mt-3 space-y-2 text-gray-700">
            {course.goals.map((g) => (
              <li key={g}>· {g}</li>
            ))}
          </ul>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-8">
        <h2 className="text-2xl font-bold text-brand-900">{t.landing.modulesTitle}</h2>
        <p className="mt-2 text-gray-700">
          <Link href="/about" className="text-brand-700 underline hover:text-brand-600">
            {t.landing.aboutLink}
          </Link>
        </p>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {modules.map((m) => (
            <li key={m.slug}>
              <Link
                href={`/course/${m.slug}`}
                className="block h-full rounded-lg border border-gray-200 p-4 hover:border-brand-600 hover:shadow"
              >
                <p className="text-xs font-semibold text-accent-700">{t.course.module(m.number)}</p>
                <p className="mt-1 font-semibold text-gray-900">{m.title}</p>
                <p className="mt-2 text-sm text-gray-600">{m.summary}</p>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      {course.themes.length > 0 && (
        <section className="mx-auto max-w-6xl px-4 py-8">
          <h2 className="text-2xl font-bold text-brand-900">{t.landing.themesTitle}</h2>
          <ul className="mt-4 flex flex-wrap gap-3">
            {course.themes.map((theme) => (
              <li key={theme} className="rounded-full bg-brand-50 px-4 py-2 text-brand-700">
                {theme}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="mx-auto max-w-6xl px-4 py-8">
        <h2 className="text-2xl font-bold text-brand-900">{t.landing.casesTitle}</h2>
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {cases.map((c) => (
            <li key={c.slug}>
              <Link
                href={`/cases/${c.slug}`}
                className="block h-full rounded-lg border border-gray-200 p-5 hover:border-brand-600 hover:shadow"
              >
                <p className="text-xs text-gray-500">{t.cases.published(c.bank, c.date)}</p>
                <p className="mt-1 text-lg font-semibold text-gray-900">{c.title}</p>
                <p className="mt-2 text-sm text-gray-600">{c.summary}</p>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="mx-auto max-w-4xl px-4 pb-12">
        <EnquirySection />
      </div>
    </>
  );
}
