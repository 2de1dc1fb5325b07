import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getCohortFor } from "@/lib/cohorts/cohorts";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "班级" };

type CohortPageProps = { params: Promise<{ id: string }> };

export default async function CohortPage({ params }: CohortPageProps) {
  const { id } = await params;
  const user = await requireRole(["TRAINER"], `/trainer/cohorts/${id}`);
  // Another trainer's cohort and a made-up id look the same from here: 403, nothing leaks.
  const cohort = id.length <= 40 ? await getCohortFor(getDb(), user, id) : null;
  if (!cohort) forbidden();
  const h = await headers();
  const origin = env.SITE_URL ?? `http://${h.get("host") ?? "localhost"}`;
  const inviteLink = `${origin}/join/${cohort.inviteCode}`;
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
        ← 培训师后台
      </Link>
      <h1 className="mt-4 text-3xl font-bold text-brand-900">{cohort.name}</h1>
      <p className="mt-2 text-gray-600">培训师:{cohort.trainer.name}</p>
      <section className="mt-6 rounded-lg bg-brand-50 p-4">
        <p className="text-sm text-gray-700">
          邀请码:<span className="font-mono text-lg font-bold">{cohort.inviteCode}</span>
        </p>
        <p className="mt-2 break-all text-sm text-gray-700">
          邀请链接:<span className="font-mono">{inviteLink}</span>
        </p>
      </section>
      <section className="mt-8">
        <h2 className="text-xl font-semibold">学员({cohort.members.length})</h2>
        <ul className="mt-3 divide-y divide-gray-100">
          {cohort.members.map((m) => (
            <li key={m.user.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span className="font-medium">{m.user.name}</span>
              <span className="text-sm text-gray-500">
                {m.user.email} · 加入于 {m.joinedAt.toISOString().slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
