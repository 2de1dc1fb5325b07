// The 银商合作 exercise's choices as stored with an action it prefilled (one typed boundary for
// that JSON), and the prefill itself: the exercise's chosen approach becomes the action's text.
import { z } from "zod";
import { OPTIONS, PRINCIPLES, type Principle } from "@/lib/exercises/partnership-plan";

export const PlanChoiceSchema = z.object({
  bankEffort: z.string().max(40),
  sharedGain: z.string().max(40),
  customerBenefit: z.string().max(40),
});
export type StoredPlanChoice = z.infer<typeof PlanChoiceSchema>;

/** The exercise's choice from a query string, or null when any principle is missing or unknown. */
export function choiceFromQuery(q: Record<string, string | string[] | undefined>): StoredPlanChoice | null {
  const parsed = PlanChoiceSchema.safeParse({
    bankEffort: q.bankEffort,
    sharedGain: q.sharedGain,
    customerBenefit: q.customerBenefit,
  });
  if (!parsed.success) return null;
  const known = (Object.keys(PRINCIPLES) as Principle[]).every((p) => OPTIONS[p].some((o) => o.id === parsed.data[p]));
  return known ? parsed.data : null;
}

/** The action text the choice prefills: the three chosen approaches, one per principle. */
export function describeChoice(choice: StoredPlanChoice): string {
  return (Object.keys(PRINCIPLES) as Principle[])
    .map((p) => `${PRINCIPLES[p].title}：${OPTIONS[p].find((o) => o.id === choice[p])?.text ?? ""}`)
    .join("；");
}
