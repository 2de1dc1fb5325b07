import Link from "@/components/link";

const PAGES = [
  { href: "/admin/users", label: "用户管理" },
  { href: "/admin/organisations", label: "客户机构" },
  { href: "/admin/audit", label: "个人信息操作记录" },
  { href: "/admin/certificate", label: "证书设置" },
] as const;

/** The admin pages' tabs; `current` is the page being shown. */
export function AdminNav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <nav aria-label="管理" className="flex gap-4 border-b border-gray-200 text-sm">
      {PAGES.map((p) => (
        <Link
          key={p.href}
          href={p.href}
          aria-current={p.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 pb-2 ${p.href === current ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-gray-600 hover:text-brand-600"}`}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
