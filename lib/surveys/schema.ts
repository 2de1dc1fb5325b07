// Survey files (content/surveys/<id>.yaml): what a template may contain, and the zod schema a
// learner's answers to one template must fit. Item ids are stable: stored answers are keyed by them.
import { z } from "zod";

const text = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "must not be empty");
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case ASCII");

const base = { id, prompt: text, required: z.boolean().default(true) };

export const surveyItemSchema = z.discriminatedUnion("type", [
  // 1–5. "agreement": 非常不同意 … 非常同意; "confidence": 完全没把握 … 很有把握.
  z.strictObject({
    ...base,
    type: z.literal("likert"),
    scale: z.enum(["agreement", "confidence"]).default("agreement"),
  }),
  // 0–10, "how likely are you to recommend": the NPS question.
  z.strictObject({ ...base, type: z.literal("nps") }),
  z.strictObject({ ...base, type: z.literal("choice"), options: z.array(text).min(2, "needs two or more options") }),
  z.strictObject({ ...base, type: z.literal("text"), maxLength: z.number().int().min(10).max(2000).default(500) }),
]);

export const surveySchema = z
  .strictObject({
    id,
    /** pre: 训前需求调研 (named by default); post: 训后满意度 (anonymous by default). */
    kind: z.enum(["pre", "post"]),
    title: text,
    intro: text,
    sections: z
      .array(z.strictObject({ title: text, intro: text.optional(), items: z.array(surveyItemSchema).min(1) }))
      .min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    let nps = 0;
    s.sections.forEach((section, i) =>
      section.items.forEach((item, j) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: "custom",
            path: ["sections", i, "items", j, "id"],
            message: `duplicate item id "${item.id}"`,
          });
        seen.add(item.id);
        if (item.type === "nps" && ++nps > 1)
          ctx.addIssue({ code: "custom", path: ["sections", i, "items", j], message: "only one nps item per survey" });
      }),
    );
  });

export type Survey = z.infer<typeof surveySchema>;
export type SurveyItem = z.infer<typeof surveyItemSchema>;

export const LIKERT_LABELS = {
  agreement: ["非常不同意", "不同意", "一般", "同意", "非常同意"],
  confidence: ["完全没把握", "把握较小", "一般", "比较有把握", "很有把握"],
} as const;

export function surveyItems(survey: Survey): SurveyItem[] {
  return survey.sections.flatMap((s) => s.items);
}

export type SurveyAnswers = Record<string, number | string>;

/**
 * The answers a form must send for this template, as form fields (every value a string): one
 * field per item, named by its id. Messages are the learner's, in Chinese, per field.
 */
export function answersSchema(survey: Survey) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of surveyItems(survey)) {
    const missing = item.type === "text" ? "请填写这一项" : "请选择一项";
    let field: z.ZodType;
    switch (item.type) {
      case "likert":
      case "nps": {
        const max = item.type === "likert" ? 5 : 10;
        const min = item.type === "likert" ? 1 : 0;
        field = z
          .string({ error: missing })
          .regex(/^\d{1,2}$/, missing)
          .transform(Number)
          .pipe(z.number().int().min(min, missing).max(max, missing));
        break;
      }
      case "choice":
        field = z.enum(item.options as [string, ...string[]], { error: missing });
        break;
      case "text":
        field = z.string({ error: missing }).trim().min(1, missing).max(item.maxLength, `最多 ${item.maxLength} 个字`);
        break;
    }
    // An optional item left empty is simply absent from the stored answers.
    shape[item.id] = item.required
      ? field
      : z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), field.optional());
  }
  return z.object(shape);
}

/** What comes out of the database: answers keyed by item id (one typed boundary, see style 15). */
export const storedAnswersSchema = z.record(z.string(), z.union([z.number(), z.string()]));
