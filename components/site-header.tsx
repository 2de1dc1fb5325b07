import Link from "@/components/link";
import { UserMenu } from "@/components/auth/user-menu";
import { PhoneMenu } from "@/components/phone-menu";
import { t } from "@/lib/i18n/zh-cn";

const links = [
  { href: "/course", label: t.nav.course },
  { href: "/cases", label: t.nav.cases },
  { href: "/exercises", label: t.nav.exercises },
  { href: "/glossary", label: t.nav.glossary },
  { href: "/enquiry", label: t.nav.enquiry },
];

// On a phone the links fold into PhoneMenu, which works before (and without) hydration.
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-gray-200 bg-white/95 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t.site.skipToContent}
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
        <Link href="/" className="truncate font-bold text-brand-900">
          {t.site.name}
        </Link>
        <nav aria-label={t.nav.menu} className="hidden sm:block">
          <ul className="flex items-center gap-6 text-sm">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-gray-700 hover:text-brand-600">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto sm:ml-0">
          <UserMenu />
        </div>
        <PhoneMenu label={t.nav.menu} links={links} />
      </div>
    </header>
  );
}
