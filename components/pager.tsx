import Link from "@/components/link";

/** Previous / "page n of m" / next, for lists paged on the server. Renders nothing for one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-600 hover:underline">
          ← 上一页
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-600">
        第 {page} / {pages} 页
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-brand-600 hover:underline">
          下一页 →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
