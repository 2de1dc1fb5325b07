import Link from "@/components/link";
import { env } from "@/lib/env";
import { t } from "@/lib/i18n/zh-cn";

// The provider's contact line: ENQUIRY_CONTACT (a phone or address) when the operator set one,
// always with the enquiry form beside it. The footer is part of prerendered pages, so the value
// is read at build time (scripts/lib/build-cache.ts rebuilds when it changes).
export function SiteFooter() {
  const contact = env.ENQUIRY_CONTACT;
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-gray-600">
        <p className="font-medium text-gray-800">{t.site.fullName}</p>
        <p className="mt-2">{t.footer.note}</p>
        <p className="mt-2">
          {t.footer.contactLabel}
          {contact && <span className="mr-2">{contact}</span>}
          <Link href="/enquiry" className="text-brand-700 underline hover:text-brand-600">
            {t.footer.enquiryLink}
          </Link>
        </p>
        <nav aria-label={t.footer.linksLabel} className="mt-2">
          <span>{t.footer.provider}</span>{" "}
          <Link href="/privacy" className="text-brand-700 underline hover:text-brand-600">
            {t.footer.privacy}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
