"use client";

// The learner's survey form, built for a phone: Likert answers as five large buttons, the NPS
// question as an 0–10 row, required items marked, each item's message beside it. What has been
// typed or chosen is kept in localStorage as a draft, so a reload (or WeChat reopening the page)
// does not lose it; the draft is removed once the survey is submitted.
import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/forms/field";
import type { ActionState } from "@/lib/actions/validated-action";
import { LIKERT_LABELS, type Survey, type SurveyItem } from "@/lib/surveys/schema";

export type SurveyFormProps = {
  runId: string;
  survey: Pick<Survey, "sections">;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

const draftKey = (runId: string) => `survey-draft:${runId}`;

function readDraft(runId: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(draftKey(runId)) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

function ScaleChoices({
  item,
  from,
  to,
  labels,
}: {
  item: SurveyItem;
  from: number;
  to: number;
  labels?: readonly string[];
}) {
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <div className={`mt-2 grid gap-1.5 ${to - from === 4 ? "grid-cols-5" : "grid-cols-6 sm:grid-cols-11"}`}>
      {values.map((v, i) => (
        <label key={v} className="relative block">
          <input
            type="radio"
            name={item.id}
            value={String(v)}
            className="peer absolute inset-0 cursor-pointer opacity-0"
          />
          <span className="flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-lg border border-gray-300 px-1 py-2 text-center peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
            <span className="text-lg font-semibold">{v}</span>
            {labels && <span className="text-[11px] leading-tight">{labels[i]}</span>}
            <span className="sr-only">{labels ? "" : " 分"}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

function ItemInput({ item }: { item: SurveyItem }) {
  switch (item.type) {
    case "likert":
      return <ScaleChoices item={item} from={1} to={5} labels={LIKERT_LABELS[item.scale]} />;
    case "nps":
      return (
        <>
          <ScaleChoices item={item} from={0} to={10} />
          <p className="mt-1 flex justify-between text-xs text-gray-500">
            <span>0 = 完全不可能</span>
            <span>10 = 非常可能</span>
          </p>
        </>
      );
    case "choice":
      return (
        <div className="mt-2 space-y-1.5">
          {item.options.map((o) => (
            <label key={o} className="flex min-h-11 items-center gap-3 rounded-lg border border-gray-300 px-3">
              <input type="radio" name={item.id} value={o} className="size-5" />
              {o}
            </label>
          ))}
        </div>
      );
    case "text":
      return (
        <textarea
          name={item.id}
          aria-label={item.prompt}
          maxLength={item.maxLength}
          rows={3}
          className="mt-2 w-full rounded-lg border border-gray-300 px-3 py-2"
        />
      );
  }
}

export function SurveyForm({ runId, survey, action }: SurveyFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, data: FormData) => {
    const next = await action(prev, data);
    if (next.ok) localStorage.removeItem(draftKey(runId));
    return next;
  }, {});

  // Restore the draft once, after hydration (the server cannot know it).
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    for (const [name, value] of Object.entries(readDraft(runId))) {
      const fields = el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
      for (const f of fields) {
        if (f instanceof HTMLInputElement && f.type === "radio") f.checked = f.value === value;
        else f.value = value;
      }
    }
  }, [runId]);

  // A rejected submit re-renders the form; keep what was chosen from the values it sent back.
  useEffect(() => {
    const el = form.current;
    if (!el || !state.values) return;
    for (const [name, value] of Object.entries(state.values)) {
      for (const f of el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`)) {
        if (f instanceof HTMLInputElement && f.type === "radio") f.checked = f.value === value;
        else if (f.type !== "hidden") f.value = value;
      }
    }
  }, [state.values]);

  const saveDraft = () => {
    const el = form.current;
    if (!el) return;
    const values = Object.fromEntries(
      [...new FormData(el).entries()].filter(([k, v]) => k !== "runId" && typeof v === "string"),
    );
    localStorage.setItem(draftKey(runId), JSON.stringify(values));
  };

  if (state.ok) return <FormMessage message={state.message} ok />;
  return (
    <form ref={form} action={formAction} onChange={saveDraft} noValidate className="space-y-8">
      <input type="hidden" name="runId" value={runId} />
      <p className="text-sm text-gray-600">
        标 <span className="text-red-700">*</span> 的为必答题。
      </p>
      {survey.sections.map((section) => (
        <section key={section.title} aria-label={section.title} className="space-y-5">
          <h2 className="text-lg font-semibold text-brand-900">{section.title}</h2>
          {section.intro && <p className="text-sm text-gray-600">{section.intro}</p>}
          {section.items.map((item) => {
            const error = state.fieldErrors?.[item.id];
            return (
              <fieldset
                key={item.id}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${item.id}-error` : undefined}
              >
                <legend className="font-medium text-gray-900">
                  {item.prompt}
                  {item.required ? (
                    <span className="ml-1 text-red-700" aria-label="必答">
                      *
                    </span>
                  ) : (
                    <span className="ml-1 text-sm font-normal text-gray-500">（选填）</span>
                  )}
                </legend>
                <ItemInput item={item} />
                {error && (
                  <p id={`${item.id}-error`} className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                )}
              </fieldset>
            );
          })}
        </section>
      ))}
      <FormMessage message={state.message} ok={state.ok} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
      >
        {pending ? "正在提交…" : "提交问卷"}
      </button>
    </form>
  );
}
