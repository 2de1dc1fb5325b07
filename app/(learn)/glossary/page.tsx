import type { Metadata } from "next";
import Link from "@/components/link";
import { getContent } from "@/lib/content";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({
  title: "术语表",
  description: "活卡率、实动率、场景金融、收单等信用卡业务术语的解释，以及它们在课程中出现的位置。",
  path: "/glossary",
});

export default function GlossaryPage() {
  const { glossary } = getContent();
  const sorted = [...glossary].sort((a, b) => a.term.localeCompare(b.term, "zh-CN"));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">术语表</h1>
      <p className="mt-3 text-gray-700">课程中反复出现的业务术语。课文里第一次出现的术语会链接到这里。</p>
      <nav aria-label="术语索引" className="mt-6 flex flex-wrap gap-2 text-sm">
        {sorted.map((g) => (
          <a
            key={g.term}
            href={`#${encodeURIComponent(g.term)}`}
            className="rounded bg-brand-50 px-2 py-1 text-brand-700 hover:bg-brand-100"
          >
            {g.term}
          </a>
        ))}
      </nav>
      <dl className="mt-8 divide-y divide-gray-200">
        {sorted.map((g) => (
          <div key={g.term} id={g.term} className="scroll-mt-20 py-5">
            <dt className="text-lg font-semibold text-gray-900">
              {g.term}
              {g.aliases.length > 0 && (
                <span className="ml-2 text-sm font-normal text-gray-500">又作：{g.aliases.join("、")}</span>
              )}
            </dt>
            <dd className="mt-2 leading-relaxed text-gray-700">{g.definition}</dd>
            {g.usedIn.length > 0 && (
              <dd className="mt-2 text-sm text-gray-600">
                出现在：
                {g.usedIn.map((p, i) => (
                  <span key={p.href}>
                    {i > 0 && "、"}
                    <Link href={p.href} className="text-brand-600 hover:underline">
                      {p.title}
                    </Link>
                  </span>
                ))}
              </dd>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}
