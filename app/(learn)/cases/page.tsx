import type { Metadata } from "next";
import Link from "next/link";
import { getContent } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";

export const metadata: Metadata = { title: t.cases.title };

export default function CasesPage() {
  const { cases, modules } = getContent();
  const moduleTitle = (slug: string) => modules.find((m) => m.slug === slug)?.title ?? slug;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">{t.cases.title}</h1>
      <p className="mt-3 text-gray-700">{t.cases.intro}</p>
      <ul className="mt-8 grid gap-5 md:grid-cols-2">
        {cases.map((c) => (
          <li key={c.slug} className="flex flex-col rounded-lg border border-gray-200 p-5">
            <p className="text-xs text-gray-500">{t.cases.published(c.publisher, c.date)}</p>
            <h2 className="mt-1 text-lg font-semibold">
              <Link href={`/cases/${c.slug}`} className="text-gray-900 hover:text-brand-600">
                {c.title}
              </Link>
            </h2>
            <p className="mt-2 flex-1 text-sm text-gray-600">{c.summary}</p>
            {c.modules.length > 0 && (
              <p className="mt-3 text-xs text-gray-500">
                {t.cases.illustrates}:{c.modules.map(moduleTitle).join("、")}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
