"use client";

import Link from "@/components/link";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import {
  gradePlan,
  MERCHANT,
  optionsInOrder,
  PRINCIPLES,
  type PlanChoice,
  type Principle,
} from "@/lib/exercises/partnership-plan";

type Graded = ReturnType<typeof gradePlan>;

export function PartnershipPlanExercise() {
  const [choice, setChoice] = useState<PlanChoice>({});
  const [graded, setGraded] = useState<Graded | null>(null);
  // A check before the page is interactive would do nothing: the button waits for it.
  const hydrated = useHydrated();

  return (
    <div>
      <section className="rounded-lg bg-gray-50 p-4">
        <h2 className="font-semibold text-gray-900">{MERCHANT.name}</h2>
        <p className="mt-2 text-gray-700">{MERCHANT.description}</p>
      </section>
      <div className="mt-6 space-y-6">
        {(Object.keys(PRINCIPLES) as Principle[]).map((p) => {
          // No verdict on any principle until at least one choice is made.
          const feedback = graded && graded.answered > 0 ? graded.items.find((i) => i.principle === p) : undefined;
          return (
            <fieldset key={p} className="rounded-lg border border-gray-200 p-4">
              <legend className="px-1 font-semibold text-brand-900">
                {PRINCIPLES[p].title}:{PRINCIPLES[p].question}
              </legend>
              <div className="mt-2 space-y-2">
                {optionsInOrder(p).map((o) => (
                  <label
                    key={o.id}
                    className="flex cursor-pointer items-start gap-3 rounded border border-gray-200 p-3 hover:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name={p}
                      value={o.id}
                      checked={choice[p] === o.id}
                      onChange={() => setChoice({ ...choice, [p]: o.id })}
                      className="mt-1.5"
                    />
                    <span>{o.text}</span>
                  </label>
                ))}
              </div>
              {feedback && (
                <p
                  role="status"
                  className={`mt-3 rounded p-3 text-sm ${feedback.good ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
                >
                  {feedback.message}
                </p>
              )}
            </fieldset>
          );
        })}
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          disabled={!hydrated}
          onClick={() => setGraded(gradePlan(choice))}
          className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          检查方案
        </button>
      </div>
      <p aria-live="polite" className="mt-4 font-semibold text-brand-900">
        {graded?.summary}
      </p>
      {/* A checked plan is kept: it opens the 行动计划 form with this plan as its first action. */}
      {graded && graded.answered === graded.total && (
        <Link
          href={`/me/action-plan?${new URLSearchParams(choice as Record<string, string>).toString()}`}
          className="mt-4 inline-block rounded-lg border border-brand-600 px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50"
        >
          作为行动计划的一项保存
        </Link>
      )}
    </div>
  );
}
