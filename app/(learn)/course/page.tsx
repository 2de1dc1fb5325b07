import type { Metadata } from "next";
import Link from "@/components/link";
import { getContent } from "@/lib/content";
import { courseReadingMinutes, moduleReadingMinutes } from "@/lib/content/reading-time";
import { EnquirySection } from "@/components/enquiry/enquiry-section";
import { t } from "@/lib/i18n/zh-cn";
import { hasQuiz } from "@/lib/quiz/catalog";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({ title: t.course.title, description: t.course.intro, path: "/course" });

export default function CoursePage() {
  const { modules, course } = getContent();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">{t.course.title}</h1>
      <p className="mt-2 text-gray-600">{course.title}</p>
      <p className="mt-4 text-gray-700">{t.course.intro}</p>
      <p className="mt-2 text-sm text-gray-500">
        在线阅读{t.lesson.minutes(courseReadingMinutes(modules))}（按每分钟约 400 字估算，不含测验、练习和课堂研讨）
      </p>
      <ol className="mt-8 space-y-4">
        {modules.map((m) => (
          <li key={m.slug} className="rounded-lg border border-gray-200 p-5">
            <p className="text-xs font-semibold text-accent-700">{t.course.module(m.number)}</p>
            <h2 className="mt-1 text-xl font-semibold">
              <Link href={`/course/${m.slug}`} className="text-gray-900 hover:text-brand-600">
                {m.title}
              </Link>
            </h2>
            <p className="mt-2 text-gray-600">{m.summary}</p>
            <p className="mt-2 text-sm text-gray-500">
              {m.status === "outline"
                ? t.course.outline
                : `${t.landing.lessonCount(m.lessons.length)} · ${t.lesson.minutes(moduleReadingMinutes(m))}`}
            </p>
          </li>
        ))}
      </ol>
      {hasQuiz(FINAL_QUIZ_ID) && (
        <section className="mt-10 rounded-lg bg-brand-50 p-5">
          <h2 className="text-xl font-semibold text-brand-900">结业测评</h2>
          <p className="mt-2 text-gray-700">
            学完八个模块并通过各模块测验后，参加结业测评（最多 3 次）。通过即可获得结业证书。
          </p>
          <Link
            href={`/quiz/${FINAL_QUIZ_ID}`}
            className="mt-3 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
          >
            进入结业测评
          </Link>
        </section>
      )}
      <div className="mt-12">
        <EnquirySection />
      </div>
    </div>
  );
}
