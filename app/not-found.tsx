import Link from "@/components/link";
import { t } from "@/lib/i18n/zh-cn";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-6xl font-bold text-brand-600">404</p>
      <h1 className="mt-4 text-2xl font-bold text-brand-900">{t.notFound.title}</h1>
      <p className="mt-3 text-gray-600">{t.notFound.body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">
          {t.notFound.home}
        </Link>
        <Link href="/course" className="rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700">
          {t.notFound.course}
        </Link>
      </div>
    </div>
  );
}
