import type { Metadata } from "next";
import Link from "@/components/link";
import { getModule } from "@/lib/content";
import { EXERCISES } from "@/lib/exercises/catalog";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata: Metadata = pageMetadata({
  title: "案例练习",
  description: "在浏览器里练一练课程里的方法，无需登录：活卡率与实动率计算、九宫格异议归类、银商合作方案检查。",
  path: "/exercises",
});

export default function ExercisesPage() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold text-brand-900">案例练习</h1>
      <p className="mt-3 text-gray-700">在浏览器里练一练课程里的方法，无需登录。</p>
      <ul className="mt-8 space-y-4">
        {EXERCISES.map((e) => {
          const mod = getModule(e.module);
          return (
            <li key={e.slug} className="rounded-lg border border-gray-200 p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/exercises/${e.slug}`} className="text-gray-900 hover:text-brand-600">
                  {e.title}
                </Link>
              </h2>
              <p className="mt-2 text-gray-600">{e.summary}</p>
              {mod && (
                <p className="mt-2 text-xs text-gray-500">
                  对应：模块 {mod.number} {mod.title}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <section className="mt-10 rounded-lg bg-brand-50 p-5">
        <h2 className="text-lg font-semibold text-brand-900">练习单（登录后使用）</h2>
        <p className="mt-2 text-gray-700">
          九宫格异议归类表、银商合作方案画布、每日业务报表、对公客户活动清单和个人行动计划：可打印成 A4，也可下载
          Excel。
        </p>
        <Link href="/worksheets" className="mt-3 inline-block font-medium text-brand-600 hover:underline">
          查看练习单 →
        </Link>
      </section>
    </div>
  );
}
