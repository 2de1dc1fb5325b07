"use client";

import Link from "@/components/link";
import { useState } from "react";

export type CaseCard = {
  slug: string;
  title: string;
  bank: string;
  publisher: string;
  date: string;
  summary: string;
  modules: string[];
};
export type CaseIndexProps = { cases: CaseCard[]; modules: { slug: string; number: number; title: string }[] };

/** The case list with filters by bank and by module. Without JavaScript every case shows. */
export function CaseIndex({ cases, modules }: CaseIndexProps) {
  const [bank, setBank] = useState("");
  const [mod, setMod] = useState("");
  const banks = [...new Set(cases.map((c) => c.bank))];
  const shown = cases.filter((c) => (!bank || c.bank === bank) && (!mod || c.modules.includes(mod)));
  const moduleTitle = (slug: string) => modules.find((m) => m.slug === slug)?.title ?? slug;

  return (
    <div>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <label className="flex flex-col text-sm text-gray-700">
          按银行筛选
          <select
            value={bank}
            onChange={(e) => setBank(e.target.value)}
            className="mt-1 rounded border border-gray-300 px-3 py-2"
          >
            <option value="">全部银行</option>
            {banks.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm text-gray-700">
          按课程模块筛选
          <select
            value={mod}
            onChange={(e) => setMod(e.target.value)}
            className="mt-1 rounded border border-gray-300 px-3 py-2"
          >
            <option value="">全部模块</option>
            {modules.map((m) => (
              <option key={m.slug} value={m.slug}>
                模块 {m.number} {m.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p aria-live="polite" className="mt-4 text-sm text-gray-500">
        共 {shown.length} 个案例
      </p>
      <ul className="mt-4 grid gap-5 md:grid-cols-2">
        {shown.map((c) => (
          <li key={c.slug} className="flex flex-col rounded-lg border border-gray-200 p-5">
            <p className="text-xs text-gray-500">
              {c.bank} · {c.publisher} · {c.date}
            </p>
            <h2 className="mt-1 text-lg font-semibold">
              <Link href={`/cases/${c.slug}`} className="text-gray-900 hover:text-brand-600">
                {c.title}
              </Link>
            </h2>
            <p className="mt-2 flex-1 text-sm text-gray-600">{c.summary}</p>
            {c.modules.length > 0 && (
              <p className="mt-3 text-xs text-gray-500">对应模块：{c.modules.map(moduleTitle).join("、")}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
