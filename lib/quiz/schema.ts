// Quiz files (content/modules/NN-slug/quiz.yaml and content/final-assessment.yaml): what a
// question may look like. Question ids are stable: they tie attempts to questions across edits.
import { z } from "zod";

const text = z
  .string({ error: (i) => (i.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "must not be empty");
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case ASCII");

const base = {
  id,
  prompt: text,
  explanation: text,
  /** The lesson section it tests: "module-slug/lesson-slug" or "module-slug/lesson-slug#heading-id". */
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+(#.+)?$/, "must be module-slug/lesson-slug[#section]"),
  tags: z.array(text).min(1, "needs at least one topic tag"),
};

const choice = z.strictObject({
  id: z.string().regex(/^[a-z]$/, "choice ids are single letters a-z"),
  text,
  correct: z.boolean().default(false),
});

export const questionSchema = z.discriminatedUnion("type", [
  z
    .strictObject({ ...base, type: z.literal("single"), choices: z.array(choice).min(2) })
    .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
      message: "a single-choice question needs exactly one correct choice",
      path: ["choices"],
    }),
  z
    .strictObject({ ...base, type: z.literal("multiple"), choices: z.array(choice).min(3) })
    .refine((q) => q.choices.filter((c) => c.correct).length >= 2, {
      message: "a multiple-choice question needs two or more correct choices",
      path: ["choices"],
    }),
  z.strictObject({ ...base, type: z.literal("truefalse"), answer: z.boolean() }),
  z.strictObject({
    ...base,
    type: z.literal("ordering"),
    items: z.array(text).min(3, "needs three or more items, listed in the right order"),
  }),
  z.strictObject({
    ...base,
    type: z.literal("numeric"),
    answer: z.number(),
    tolerance: z.number().min(0).default(0),
    unit: z.string().default(""),
  }),
]);

export const quizSchema = z
  .strictObject({
    id,
    title: text,
    passMark: z.number().int().min(1).max(100).default(80),
    /** null: unlimited. */
    attemptsAllowed: z.number().int().min(1).nullable().default(null),
    shuffle: z.boolean().default(true),
    /** "always": show right answers after each attempt; "after-pass": only once passed. */
    revealAnswers: z.enum(["always", "after-pass"]).default("always"),
    /** Each attempt draws `count` questions from the file's pool, at least `minPerModule` from every
     * module (the question's first tag). Absent: every question, every attempt. */
    draw: z
      .strictObject({ count: z.number().int().min(1), minPerModule: z.number().int().min(0).default(0) })
      .optional(),
    /** Minutes from the start to the deadline the server enforces (lib/quiz/deadline.ts). Absent: untimed. */
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    if (q.draw) {
      const modules = new Set(q.questions.map((question) => question.tags[0]));
      if (q.draw.count > q.questions.length)
        ctx.addIssue({ code: "custom", path: ["draw", "count"], message: "is more than the questions in the file" });
      if (q.draw.minPerModule * modules.size > q.draw.count)
        ctx.addIssue({
          code: "custom",
          path: ["draw", "minPerModule"],
          message: `times ${modules.size} modules is more than draw.count`,
        });
    }
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id))
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "id"],
          message: `duplicate question id "${question.id}"`,
        });
      seen.add(question.id);
    });
  });

export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
