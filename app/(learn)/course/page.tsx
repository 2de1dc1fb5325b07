import type { Metadata } from "next";
import Link from "next/link";
import { getContent } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";

export const metadata: Metadata = { title: t.course.title };

export default function CoursePage() {
  const { modules, course } = getContent();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">{t.course.title}</h1>
      <p className="mt-2 text-gray-600">{course.title}</p>
      <p className="mt-4 text-gray-700">{t.course.intro}</p>
      <ol className="mt-8 space-y-4">
        {modules.map((m) => (
          <li key={m.slug} className="rounded-lg border border-gray-200 p-5">
            <p className="text-xs font-semibold text-accent-500">{t.course.module(m.number)}</p>
            <h2 className="mt-1 text-xl font-semibold">
              <Link href={`/course/${m.slug}`} className="text-gray-900 hover:text-brand-600">
                {m.title}
              </Link>
            </h2>
            <p className="mt-2 text-gray-600">{m.summary}</p>
            <p className="mt-2 text-sm text-gray-500">
              {m.status === "outline" ? t.course.outline : t.landing.lessonCount(m.lessons.length)}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
