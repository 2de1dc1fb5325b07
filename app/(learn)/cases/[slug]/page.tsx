import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { KeyFigures } from "@/components/key-figures";
import { SourceList } from "@/components/source-list";
import { TrainerOnlyLink } from "@/components/trainer-kit/trainer-only-link";
import { getCase, getContent, getModule, getSources } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { cardPaths } from "@/lib/share/card-paths";

type CasePageProps = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().cases.map((c) => ({ slug: c.slug }));
}

export async function generateMetadata({ params }: CasePageProps): Promise<Metadata> {
  const c = getCase((await params).slug);
  if (!c) return {};
  return pageMetadata({
    title: c.title,
    description: c.summary,
    path: `/cases/${c.slug}`,
    type: "article",
    image: cardPaths.case(c.slug),
  });
}

export default async function CasePage({ params }: CasePageProps) {
  const c = getCase((await params).slug);
  if (!c) notFound();
  const modules = c.modules.map(getModule).filter((m) => m !== undefined);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/cases" className="text-sm text-brand-600 hover:underline">
        ← {t.cases.back}
      </Link>
      <p className="mt-4 text-sm text-gray-500">
        {c.bank} · {t.cases.published(c.publisher, c.date)}
      </p>
      <h1 className="mt-1 text-2xl font-bold leading-snug text-brand-900 md:text-3xl">{c.title}</h1>
      <p className="mt-3 text-lg text-gray-700">{c.summary}</p>

      <KeyFigures figures={c.keyFigures} title={t.cases.keyFigures} />

      {c.timeline.length > 0 && (
        <section aria-label={t.cases.timeline} className="my-6">
          <h2 className="mb-3 text-sm font-semibold tracking-wide text-gray-500">{t.cases.timeline}</h2>
          <ol className="space-y-3 border-l-2 border-brand-100 pl-4">
            {c.timeline.map((e) => (
              <li key={`${e.date}-${e.event}`}>
                <p className="text-sm font-semibold text-brand-700">{e.date}</p>
                <p className="text-gray-700">{e.event}</p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <div className="prose-zh mt-6" dangerouslySetInnerHTML={{ __html: c.html }} />

      <section className="mt-10 rounded-lg bg-brand-50 p-5">
        <h2 className="text-lg font-semibold text-brand-900">{t.cases.discussion}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-gray-800">
          {c.discussion.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      </section>

      {modules.length > 0 && (
        <section className="mt-8">
          <h2 className="text-lg font-semibold">{t.cases.illustrates}</h2>
          <ul className="mt-2 space-y-1">
            {modules.map((m) => (
              <li key={m.slug}>
                <Link href={`/course/${m.slug}`} className="text-brand-600 hover:underline">
                  {t.course.module(m.number)} {m.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <SourceList sources={getSources([c.source])} title={t.cases.source} />
      <TrainerOnlyLink href={`/trainer/kit/cases/${c.slug}`} label="培训师：本案例的教学笔记" />
    </article>
  );
}
