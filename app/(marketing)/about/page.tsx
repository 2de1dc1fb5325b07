import type { Metadata } from "next";
import Link from "@/components/link";
import { EnquirySection } from "@/components/enquiry/enquiry-section";
import { getContent } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";

// The course's full introduction (content/course.md): why it exists, how the modules connect, how
// it is taught and what to know about its cases and figures. It has a page of its own rather than
// the landing page's foot: the landing page already shows the modules, themes and cases as cards,
// and carrying this text too put its first response past what a phone receives in the first round
// trip on a slow network (docs/decisions/0036).
export function generateMetadata(): Metadata {
  const { course } = getContent();
  return pageMetadata({ title: t.landing.aboutTitle, description: course.problem, path: "/about" });
}

export default function AboutPage() {
  const { course } = getContent();
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-semibold text-accent-700">{t.landing.aboutTitle}</p>
      <h1 className="mt-2 text-3xl font-bold text-brand-900">{course.title}</h1>
      <p className="mt-3 text-gray-700">{course.subtitle}</p>
      <div className="prose-zh mt-8" dangerouslySetInnerHTML={{ __html: course.html }} />
      <p className="mt-8 flex flex-wrap gap-3">
        <Link href="/course" className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          {t.course.title}
        </Link>
        <Link
          href="/cases"
          className="rounded-lg border border-brand-600 px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {t.landing.browseCases}
        </Link>
      </p>
      <div className="mt-12">
        <EnquirySection />
      </div>
    </article>
  );
}
