import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ActivityRatesExercise } from "@/components/exercises/activity-rates-exercise";
import { ObjectionSortExercise } from "@/components/exercises/objection-sort-exercise";
import { PartnershipPlanExercise } from "@/components/exercises/partnership-plan-exercise";
import { getModule } from "@/lib/content";
import { EXERCISES, getExercise, type ExerciseSlug } from "@/lib/exercises/catalog";
import { pageMetadata } from "@/lib/seo/page-metadata";

type ExercisePageProps = { params: Promise<{ slug: string }> };

const WIDGETS: Record<ExerciseSlug, () => React.ReactNode> = {
  "activity-rates": () => <ActivityRatesExercise />,
  "objection-sort": () => <ObjectionSortExercise />,
  "partnership-plan": () => <PartnershipPlanExercise />,
};

export const dynamicParams = false;

export function generateStaticParams() {
  return EXERCISES.map((e) => ({ slug: e.slug }));
}

export async function generateMetadata({ params }: ExercisePageProps): Promise<Metadata> {
  const exercise = getExercise((await params).slug);
  if (!exercise) return {};
  return pageMetadata({ title: exercise.title, description: exercise.summary, path: `/exercises/${exercise.slug}` });
}

export default async function ExercisePage({ params }: ExercisePageProps) {
  const exercise = getExercise((await params).slug);
  if (!exercise) notFound();
  const mod = getModule(exercise.module);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/exercises" className="text-sm text-brand-600 hover:underline">
        ← 全部练习
      </Link>
      <h1 className="mt-4 text-2xl font-bold text-brand-900 md:text-3xl">{exercise.title}</h1>
      <p className="mt-3 text-gray-700">{exercise.summary}</p>
      <p className="mt-2 text-sm text-gray-500">{exercise.instructions}</p>
      {mod && (
        <p className="mt-2 text-sm">
          先读：
          <Link href={`/course/${mod.slug}`} className="text-brand-600 hover:underline">
            模块 {mod.number} {mod.title}
          </Link>
        </p>
      )}
      <div className="mt-8">{WIDGETS[exercise.slug]()}</div>
    </div>
  );
}
