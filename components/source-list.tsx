import type { Source } from "@/lib/content/schema";

export type SourceListProps = { sources: Source[]; title: string };

/** 出处: where the facts on a page come from. */
export function SourceList({ sources, title }: SourceListProps) {
  if (sources.length === 0) return null;
  return (
    <section aria-label={title} className="mt-12 border-t border-gray-200 pt-4 text-sm text-gray-600">
      <h2 className="font-semibold text-gray-700">{title}</h2>
      <ul className="mt-2 space-y-1">
        {sources.map((s) => (
          <li key={s.id}>
            《{s.title}》，{s.publisher}，{s.date}
          </li>
        ))}
      </ul>
    </section>
  );
}
