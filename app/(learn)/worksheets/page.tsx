import type { Metadata } from "next";
import Link from "@/components/link";
import { requireUser } from "@/lib/auth/session";
import { getModule } from "@/lib/content";
import { WORKSHEETS } from "@/lib/worksheets/definitions";
import { DownloadLink } from "@/components/wechat/download-link";

export const metadata: Metadata = { title: "练习单" };

export default async function WorksheetsPage() {
  await requireUser("/worksheets");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900 md:text-3xl">练习单</h1>
      <p className="mt-3 text-gray-700">
        课堂和岗位上用的五张练习单。每张都可以打印成 A4 纸手写，也可以下载 Excel 表格在电脑上填写，两者内容相同。
      </p>
      <ul className="mt-8 space-y-4">
        {WORKSHEETS.map((w) => {
          const mod = getModule(w.module);
          return (
            <li key={w.slug} className="rounded-lg border border-gray-200 p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/worksheets/${w.slug}`} className="text-gray-900 hover:text-brand-600">
                  {w.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-gray-600">{w.summary}</p>
              {mod && (
                <p className="mt-1 text-xs text-gray-500">
                  配合模块 {mod.number}：{mod.title}
                </p>
              )}
              <p className="mt-3 flex flex-wrap gap-4 text-sm">
                <Link href={`/worksheets/${w.slug}`} className="font-medium text-brand-600 hover:underline">
                  打印版 →
                </Link>
                <DownloadLink
                  href={`/worksheets/${w.slug}/xlsx`}
                  className="font-medium text-brand-600 hover:underline"
                  download
                >
                  下载 Excel（.xlsx）
                </DownloadLink>
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
