// What a content file must look like. Shared by the site build, `npm run content:check` and the
// tests; docs/content-format.md explains each field to authors.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case ASCII, e.g. four-stages");
const text = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "must not be empty");
const sourceId = z.string().regex(/^s\d{3}-[a-z0-9-]+$/, "must be a source id from content/sources.yaml");
// YAML reads 2022-04-20 as a Date; authors may also quote it. Either way we keep YYYY-MM-DD.
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
);

export const keyFigureSchema = z.strictObject({
  value: text,
  label: text,
  source: sourceId,
});

export const sourceSchema = z.strictObject({
  id: sourceId,
  title: text,
  publisher: text,
  date: isoDate,
  file: text,
});
export const sourcesFileSchema = z.array(sourceSchema).min(1, "must list at least one source");

export const courseSchema = z.strictObject({
  title: text,
  subtitle: text,
  audience: z.array(text).min(1),
  problem: text,
  goals: z.array(text).min(1),
  duration: text,
  themes: z.array(text).default([]),
  sources: z.array(sourceId).default([]),
});

export const moduleSchema = z.strictObject({
  slug,
  number: z.number().int().min(1),
  title: text,
  summary: text,
  goals: z.array(text).default([]),
  status: z.enum(["full", "outline"]),
  cases: z.array(slug).default([]),
});

export const lessonSchema = z.strictObject({
  title: text,
  summary: text,
  sources: z.array(sourceId).default([]),
  keyFigures: z.array(keyFigureSchema).default([]),
});

export const caseSchema = z.strictObject({
  slug,
  title: text,
  bank: text,
  date: isoDate,
  publisher: text,
  source: sourceId,
  modules: z.array(slug).default([]),
  summary: text,
  keyFigures: z.array(keyFigureSchema).default([]),
  timeline: z.array(z.strictObject({ date: z.union([text, z.number()]).transform(String), event: text })).default([]),
  // Teaching cases carry 4-6 questions; 3 is still accepted so a short case (or a test fixture) is not an error.
  discussion: z.array(text).min(3, "needs 3-6 discussion questions").max(6, "needs 3-6 discussion questions"),
});

export const glossaryEntrySchema = z.strictObject({
  term: text,
  aliases: z.array(text).default([]),
  definition: text,
});
export const glossaryFileSchema = z.array(glossaryEntrySchema).min(1);

export type KeyFigure = z.infer<typeof keyFigureSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type CourseMeta = z.infer<typeof courseSchema>;
export type ModuleMeta = z.infer<typeof moduleSchema>;
export type LessonMeta = z.infer<typeof lessonSchema>;
export type CaseMeta = z.infer<typeof caseSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
