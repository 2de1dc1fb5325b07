import type { TocEntry } from "@/lib/content/markdown";

export type TableOfContentsProps = { entries: TocEntry[]; title: string };

export function TableOfContents({ entries, title }: TableOfContentsProps) {
  if (entries.length === 0) return null;
  return (
    <nav aria-label={title} className="text-sm">
      <h2 className="mb-2 font-semibold text-gray-800">{title}</h2>
      <ol className="space-y-1.5 border-l border-gray-200">
        {entries.map((e) => (
          <li key={e.id} className={e.level === 3 ? "pl-6" : "pl-3"}>
            <a href={`#${e.id}`} className="text-gray-600 hover:text-brand-600">
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
