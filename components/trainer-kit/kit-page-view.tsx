// One trainer-kit page: the way back to the kit, the title, and the rendered Markdown. Links to the
// learner's view of the same module or case (`related`) sit under the title.
import Link from "@/components/link";
import type { KitPage } from "@/lib/trainer-kit";

export type KitPageViewProps = {
  page: KitPage;
  /** A small label above the title, e.g. 案例教学笔记. */
  kind: string;
  related?: { href: string; label: string };
};

export function KitPageView({ page, kind, related }: KitPageViewProps) {
  return (
    <article className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/trainer/kit" className="text-sm text-brand-600 hover:underline">
        ← 培训师工具包
      </Link>
      <p className="mt-4 text-sm font-semibold text-accent-700">{kind}</p>
      <h1 className="mt-1 text-2xl font-bold leading-snug text-brand-900 md:text-3xl">{page.title}</h1>
      {page.summary && <p className="mt-3 text-gray-700">{page.summary}</p>}
      {related && (
        <p className="mt-3 text-sm">
          <Link href={related.href} className="text-brand-600 hover:underline">
            {related.label} →
          </Link>
        </p>
      )}
      <p className="mt-3 rounded bg-amber-50 px-3 py-2 text-xs text-amber-900">仅供培训师使用，请勿发给学员。</p>
      <div className="prose-zh mt-6" dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
