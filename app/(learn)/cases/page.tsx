import type { Metadata } from "next";
import { CaseIndex } from "@/components/case-index";
import { getContent } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({ title: t.cases.title, description: t.cases.intro, path: "/cases" });

export default function CasesPage() {
  const { cases, modules } = getContent();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">{t.cases.title}</h1>
      <p className="mt-3 text-gray-700">{t.cases.intro}</p>
      <CaseIndex
        cases={cases.map(({ slug, title, bank, publisher, date, summary, modules: m }) => ({
          slug,
          title,
          bank,
          publisher,
          date,
          summary,
          modules: m,
        }))}
        modules={modules.map(({ slug, number, title }) => ({ slug, number, title }))}
      />
    </div>
  );
}
