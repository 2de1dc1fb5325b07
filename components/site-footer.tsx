import { t } from "@/lib/i18n/zh-cn";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-gray-600">
        <p className="font-medium text-gray-800">{t.site.fullName}</p>
        <p className="mt-2">{t.site.footer}</p>
      </div>
    </footer>
  );
}
