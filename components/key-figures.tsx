import type { KeyFigure } from "@/lib/content/schema";

export type KeyFiguresProps = { figures: KeyFigure[]; title: string };

export function KeyFigures({ figures, title }: KeyFiguresProps) {
  if (figures.length === 0) return null;
  return (
    <section aria-label={title} className="my-6">
      <h2 className="mb-3 text-sm font-semibold tracking-wide text-gray-500">{title}</h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3">
        {figures.map((f) => (
          <li key={`${f.label}-${f.value}`} className="rounded-lg border border-brand-100 bg-brand-50 p-3">
            <p className="text-xl font-bold leading-tight text-brand-700 md:text-2xl">{f.value}</p>
            <p className="mt-1 text-sm leading-snug text-gray-700">{f.label}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
