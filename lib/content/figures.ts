// The figure registry: every number the course states must come from a registered source.
// content/figures.yaml lists, per source id, the figures exactly as the source document writes
// them; checkFigures finds every number in the course text and key-figure cards and reports the
// ones that are not registered, so a typo or an invented figure cannot slip in. A second check
// (checkFiguresInSources) proves each registered figure really is in its source document.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { LoadedQuiz } from "@/lib/quiz/load";
import type { Content } from "./load";

export const figureRegistrySchema = z.strictObject({
  sources: z.record(z.string(), z.array(z.string().min(1))),
  // Numbers used in worked examples that the text labels as 示例/设想: not facts about anyone.
  illustrative: z.array(z.string().min(1)).default([]),
});
export type FigureRegistry = z.infer<typeof figureRegistrySchema>;

export function loadFigureRegistry(root = path.join(process.cwd(), "content")): FigureRegistry {
  return figureRegistrySchema.parse(parseYaml(readFileSync(path.join(root, "figures.yaml"), "utf8")));
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const normalise = (n: string) => n.replace(/,/g, "");

/** Every number in a text, as written and with its next character (to tell 12月 from 12%). */
export function numbersIn(text: string): { raw: string; value: string; next: string }[] {
  return [...text.matchAll(NUMBER)].map((m) => ({
    raw: m[0],
    value: normalise(m[0]),
    next: text.slice((m.index ?? 0) + m[0].length).trimStart().charAt(0),
  }));
}

/** Numbers that are structure, not facts: years, months, list counts, the 1.0-4.0 stage names. */
export function isStructuralNumber(n: { value: string; next: string }): boolean {
  if (/^(19|20)\d{2}$/.test(n.value) && (n.next === "年" || n.next === "-" || n.next === "")) return true;
  if (/^[1-4]\.0$/.test(n.value)) return true;
  const small = /^\d+$/.test(n.value) && Number(n.value) <= 12;
  return small && !/[%万亿元张户个人家倍]/.test(n.next);
}

type Place = { file: string; field: string; text: string };

export function quizPlaces(quizzes: LoadedQuiz[]): Place[] {
  return quizzes.flatMap((quiz) =>
    quiz.questions.map((q) => ({
      file: quiz.file,
      field: `questions.${q.id}`,
      text: [
        q.prompt,
        q.explanation,
        ...(q.type === "single" || q.type === "multiple" ? q.choices.map((c) => c.text) : []),
        ...(q.type === "ordering" ? q.items : []),
      ].join("\n"),
    })),
  );
}

function places(content: Content): Place[] {
  const out: Place[] = [];
  const stripTags = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&[a-z]+;/g, " ");
  out.push({ file: content.course.file, field: "body", text: stripTags(content.course.html) });
  out.push({ file: content.course.file, field: "front matter", text: [content.course.subtitle, content.course.problem, ...content.course.goals].join("\n") });
  for (const m of content.modules) {
    out.push({ file: m.file, field: "front matter", text: [m.title, m.summary, ...m.goals].join("\n") });
    out.push({ file: m.file, field: "body", text: stripTags(m.intro.html) });
    for (const l of m.lessons) {
      out.push({ file: l.file, field: "body", text: stripTags(l.html) });
      out.push({ file: l.file, field: "title/summary", text: `${l.title}\n${l.summary}` });
      l.keyFigures.forEach((k, i) => out.push({ file: l.file, field: `keyFigures.${i}`, text: `${k.value} ${k.label}` }));
    }
  }
  for (const c of content.cases) {
    out.push({ file: c.file, field: "body", text: stripTags(c.html) });
    out.push({ file: c.file, field: "front matter", text: [c.title, c.summary, ...c.discussion].join("\n") });
    c.keyFigures.forEach((k, i) => out.push({ file: c.file, field: `keyFigures.${i}`, text: `${k.value} ${k.label}` }));
    c.timeline.forEach((t, i) => out.push({ file: c.file, field: `timeline.${i}`, text: `${t.date} ${t.event}` }));
  }
  for (const g of content.glossary) out.push({ file: "content/glossary.yaml", field: g.term, text: g.definition });
  return out;
}

/** Problems: numbers in the content that no registered source (or example) provides, key-figure
 * values not registered under the source the card names, and registry ids that are not sources. */
export function checkFigures(content: Content, registry: FigureRegistry, quizzes: LoadedQuiz[] = []): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(content.sources.map((s) => s.id));
  for (const id of Object.keys(registry.sources)) {
    if (!sourceIds.has(id)) problems.push(`content/figures.yaml: sources.${id}: not a source in content/sources.yaml`);
  }
  const numbersOf = (figures: string[]) => new Set(figures.flatMap((f) => numbersIn(f).map((n) => n.value)));
  const known = numbersOf([...Object.values(registry.sources).flat(), ...registry.illustrative]);

  for (const p of [...places(content), ...quizPlaces(quizzes)]) {
    for (const n of numbersIn(p.text)) {
      if (isStructuralNumber(n) || known.has(n.value)) continue;
      problems.push(`${p.file}: ${p.field}: "${n.raw}" is not in the figure registry (content/figures.yaml)`);
    }
  }
  const keyFigureLists = [
    ...content.modules.flatMap((m) => m.lessons.map((l) => ({ file: l.file, figures: l.keyFigures }))),
    ...content.cases.map((c) => ({ file: c.file, figures: c.keyFigures })),
  ];
  for (const { file, figures } of keyFigureLists) {
    figures.forEach((k, i) => {
      const fromSource = numbersOf(registry.sources[k.source] ?? []);
      for (const n of numbersIn(k.value)) {
        if (!fromSource.has(n.value) && !isStructuralNumber(n)) {
          problems.push(`${file}: keyFigures.${i}.value: "${n.raw}" is not registered under its source ${k.source}`);
        }
      }
    });
  }
  return [...new Set(problems)];
}

/** Each registered figure must appear, exactly as written, in its source document. */
export function checkFiguresInSources(content: Content, registry: FigureRegistry, seedsDir: string): string[] {
  const problems: string[] = [];
  for (const [id, figures] of Object.entries(registry.sources)) {
    const source = content.sources.find((s) => s.id === id);
    if (!source) continue;
    const text = readFileSync(path.join(seedsDir, source.file), "utf8");
    for (const f of figures) {
      if (!text.includes(f)) problems.push(`content/figures.yaml: sources.${id}: "${f}" does not appear in ${source.file}`);
    }
  }
  return problems;
}
