import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth/session";
import { getCase, getModule } from "@/lib/content";
import { getTrainerKit } from "@/lib/trainer-kit";

export const metadata: Metadata = { title: "培训师工具包" };

export default async function TrainerKitPage() {
  await requireRole(["TRAINER"], "/trainer/kit");
  const kit = getTrainerKit();
  const section = "mt-8 text-xl font-semibold";
  const link = "font-medium text-brand-600 hover:underline";
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 培训师后台
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-brand-900 sm:text-3xl">{kit.index.title}</h1>
      {kit.index.summary && <p className="mt-2 text-gray-700">{kit.index.summary}</p>}
      <div className="prose-zh mt-6" dangerouslySetInnerHTML={{ __html: kit.index.html }} />

      <h2 className={section}>课程安排与练习单</h2>
      <ul className="mt-3 space-y-2">
        {kit.documents.map((d) => (
          <li key={d.slug}>
            <Link href={`/trainer/kit/${d.slug}`} className={link}>
              {d.title}
            </Link>
            {d.summary && <span className="ml-2 text-sm text-gray-600">{d.summary}</span>}
          </li>
        ))}
        <li>
          <Link href="/worksheets" className={link}>
            学员练习单（可打印，可下载 Excel）
          </Link>
        </li>
      </ul>

      <h2 className={section}>各模块引导要点</h2>
      <ul className="mt-3 space-y-2">
        {kit.moduleNotes.map((n) => {
          const mod = getModule(n.module);
          return (
            <li key={n.slug}>
              <Link href={`/trainer/kit/modules/${n.module}`} className={link}>
                {mod ? `模块 ${mod.number} ${mod.title}` : n.title}
              </Link>
            </li>
          );
        })}
      </ul>

      <h2 className={section}>案例教学笔记</h2>
      <ul className="mt-3 space-y-2">
        {kit.caseNotes.map((n) => (
          <li key={n.slug}>
            <Link href={`/trainer/kit/cases/${n.case}`} className={link}>
              {getCase(n.case)?.title ?? n.title}
            </Link>
          </li>
        ))}
      </ul>

      {kit.rolePlays.length > 0 && (
        <>
          <h2 className={section}>角色扮演脚本</h2>
          <ul className="mt-3 space-y-2">
            {kit.rolePlays.map((r) => (
              <li key={r.slug}>
                <Link href={`/trainer/kit/role-plays/${r.slug}`} className={link}>
                  {r.title}
                </Link>
                <span className="ml-2 text-sm text-gray-600">{r.summary}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
