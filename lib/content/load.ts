// Reads content/ into typed objects, checking every file against lib/content/schema.ts and the
// links between files. Any problem throws one ContentError listing every bad file and field, so
// a malformed lesson stops `next build` (and `npm run content:check`) with a message naming it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { linkGlossaryTerms, type LinkableTerm } from "./glossary-links";
import { renderMarkdown, readingMinutes, type TocEntry } from "./markdown";
import {
  caseSchema,
  courseSchema,
  glossaryFileSchema,
  lessonSchema,
  moduleSchema,
  sourcesFileSchema,
  type CaseMeta,
  type CourseMeta,
  type GlossaryEntry,
  type LessonMeta,
  type ModuleMeta,
  type Source,
} from "./schema";

export type Rendered = { html: string; toc: TocEntry[]; minutes: number; terms: string[] };
export type PageRef = { href: string; title: string };
export type GlossaryTerm = GlossaryEntry & { usedIn: PageRef[] };
export type Lesson = LessonMeta & Rendered & { slug: string; order: number; file: string };
export type Module = ModuleMeta & { intro: Rendered; lessons: Lesson[]; file: string };
export type CaseStudy = CaseMeta & Rendered & { file: string };
export type Course = CourseMeta & Rendered & { file: string };
export type Content = {
  course: Course;
  sources: Source[];
  modules: Module[];
  cases: CaseStudy[];
  glossary: GlossaryTerm[];
  /** sha256 of every content file, to tell when the database needs a re-sync. */
  hash: string;
};

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`内容文件有误 (content is invalid):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)(\.md)?$/;

type Ctx = { root: string; problems: string[]; hash: ReturnType<typeof createHash> };

function rel(ctx: Ctx, file: string) {
  return path.relative(path.dirname(ctx.root), file) || file;
}

function readFile(ctx: Ctx, file: string): string | null {
  if (!existsSync(file)) {
    ctx.problems.push(`${rel(ctx, file)}: file is missing`);
    return null;
  }
  const raw = readFileSync(file, "utf8");
  ctx.hash.update(rel(ctx, file)).update("\0").update(raw).update("\0");
  return raw;
}

/** Parses front matter + body and validates the front matter; null (with problems noted) when bad. */
function readDoc<S extends z.ZodType>(ctx: Ctx, file: string, schema: S): { meta: z.infer<S>; body: string } | null {
  const raw = readFile(ctx, file);
  if (raw === null) return null;
  return parseDoc(rel(ctx, file), raw, schema, ctx.problems);
}

/** A Markdown file's front matter, checked against `schema`, and its body; null when bad, with
 * each problem (naming `name` and the field) pushed onto `problems`. Also used by the trainer kit. */
export function parseDoc<S extends z.ZodType>(
  name: string,
  raw: string,
  schema: S,
  problems: string[],
): { meta: z.infer<S>; body: string } | null {
  const match = FRONT_MATTER.exec(raw);
  if (!match) {
    problems.push(`${name}: front matter missing (the file must start with a --- block)`);
    return null;
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (err) {
    problems.push(`${name}: front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    return null;
  }
  return checkSchema(name, schema, data ?? {}, raw.slice(match[0].length), problems);
}

function validate<S extends z.ZodType>(ctx: Ctx, file: string, schema: S, data: unknown, body = "") {
  return checkSchema(rel(ctx, file), schema, data, body, ctx.problems);
}

function checkSchema<S extends z.ZodType>(name: string, schema: S, data: unknown, body: string, problems: string[]) {
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.join(".") : "(front matter)";
      problems.push(`${name}: ${field}: ${issue.message}`);
    }
    return null;
  }
  return { meta: result.data as z.infer<S>, body };
}

function render(body: string, terms: LinkableTerm[] = []): Rendered {
  const r = renderMarkdown(body);
  const linked = linkGlossaryTerms(r.html, terms);
  return { html: linked.html, toc: r.toc, minutes: readingMinutes(r.characters), terms: linked.found };
}

/** A whole-file YAML list (sources.yaml, glossary.yaml); [] with the problem noted when bad. */
function readYamlList<S extends z.ZodType>(ctx: Ctx, file: string, schema: S): z.infer<S> {
  const raw = readFile(ctx, file);
  if (raw === null) return [] as z.infer<S>;
  try {
    return validate(ctx, file, schema, parseYaml(raw))?.meta ?? ([] as z.infer<S>);
  } catch (err) {
    ctx.problems.push(`${rel(ctx, file)}: not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    return [] as z.infer<S>;
  }
}

function listDir(dir: string) {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)) : [];
}

export function loadContent(root = path.join(process.cwd(), "content")): Content {
  const ctx: Ctx = { root, problems: [], hash: createHash("sha256") };

  // Sources
  const sources: Source[] = readYamlList(ctx, path.join(root, "sources.yaml"), sourcesFileSchema);
  const sourceIds = new Set(sources.map((s) => s.id));
  const checkSources = (file: string, field: string, ids: string[]) => {
    ids.forEach((id, i) => {
      if (!sourceIds.has(id)) ctx.problems.push(`${rel(ctx, file)}: ${field}.${i}: unknown source "${id}"`);
    });
  };

  // Glossary: loaded before the pages, whose first mention of each term links to it.
  const glossaryFile = path.join(root, "glossary.yaml");
  const glossary: GlossaryEntry[] = readYamlList(ctx, glossaryFile, glossaryFileSchema);
  const seenNames = new Map<string, string>();
  for (const g of glossary) {
    for (const name of [g.term, ...g.aliases]) {
      const owner = seenNames.get(name);
      if (owner) ctx.problems.push(`${rel(ctx, glossaryFile)}: "${name}" is listed twice (under ${owner} and ${g.term})`);
      seenNames.set(name, g.term);
    }
  }

  // Course
  const courseFile = path.join(root, "course.md");
  const courseDoc = readDoc(ctx, courseFile, courseSchema);
  if (courseDoc) checkSources(courseFile, "sources", courseDoc.meta.sources);

  // Modules and lessons
  const modules: Module[] = [];
  for (const entry of listDir(path.join(root, "modules"))) {
    const dir = path.join(root, "modules", entry.name);
    if (!entry.isDirectory()) {
      ctx.problems.push(`${rel(ctx, dir)}: only module folders belong in content/modules`);
      continue;
    }
    const folder = NUMBERED.exec(entry.name);
    if (!folder) {
      ctx.problems.push(`${rel(ctx, dir)}: folder name must be NN-slug, e.g. 01-evolution`);
      continue;
    }
    const moduleFile = path.join(dir, "module.md");
    const doc = readDoc(ctx, moduleFile, moduleSchema);
    if (!doc) continue;
    if (doc.meta.number !== Number(folder[1])) {
      ctx.problems.push(`${rel(ctx, moduleFile)}: number: is ${doc.meta.number} but the folder says ${Number(folder[1])}`);
    }
    if (doc.meta.slug !== folder[2]) {
      ctx.problems.push(`${rel(ctx, moduleFile)}: slug: is "${doc.meta.slug}" but the folder says "${folder[2]}"`);
    }
    const lessons: Lesson[] = [];
    for (const f of listDir(dir)) {
      if (f.name === "module.md") continue;
      const file = path.join(dir, f.name);
      const m = NUMBERED.exec(f.name);
      if (!f.isFile() || !m || !m[3]) {
        // Quiz files (issue 5) will sit beside lessons; anything else is a mistake worth naming.
        if (!/^quiz\.ya?ml$/.test(f.name)) ctx.problems.push(`${rel(ctx, file)}: lesson files must be named NN-slug.md`);
        continue;
      }
      const lesson = readDoc(ctx, file, lessonSchema);
      if (!lesson) continue;
      checkSources(file, "sources", lesson.meta.sources);
      checkSources(file, "keyFigures.source", lesson.meta.keyFigures.map((k) => k.source));
      lessons.push({ ...lesson.meta, ...render(lesson.body, glossary), slug: m[2]!, order: Number(m[1]), file: rel(ctx, file) });
    }
    if (doc.meta.status === "full" && lessons.length === 0) {
      ctx.problems.push(`${rel(ctx, moduleFile)}: status: is "full" but the module has no lessons`);
    }
    modules.push({ ...doc.meta, intro: render(doc.body), lessons, file: rel(ctx, moduleFile) });
  }
  modules.sort((a, b) => a.number - b.number);
  modules.forEach((m, i) => {
    if (m.number !== i + 1) ctx.problems.push(`${m.file}: number: modules must be numbered 1, 2, 3 … without gaps`);
  });

  // Cases
  const cases: CaseStudy[] = [];
  for (const f of listDir(path.join(root, "cases"))) {
    const file = path.join(root, "cases", f.name);
    if (!f.name.endsWith(".md")) {
      ctx.problems.push(`${rel(ctx, file)}: case files must be .md`);
      continue;
    }
    const doc = readDoc(ctx, file, caseSchema);
    if (!doc) continue;
    if (doc.meta.slug !== f.name.replace(/\.md$/, "")) {
      ctx.problems.push(`${rel(ctx, file)}: slug: is "${doc.meta.slug}" but the file is named ${f.name}`);
    }
    checkSources(file, "source", [doc.meta.source]);
    checkSources(file, "keyFigures.source", doc.meta.keyFigures.map((k) => k.source));
    cases.push({ ...doc.meta, ...render(doc.body, glossary), file: rel(ctx, file) });
  }

  // Links between files
  const moduleSlugs = new Set(modules.map((m) => m.slug));
  const caseSlugs = new Set(cases.map((c) => c.slug));
  for (const m of modules) {
    m.cases.forEach((c, i) => {
      if (!caseSlugs.has(c)) ctx.problems.push(`${m.file}: cases.${i}: no case named "${c}" in content/cases`);
    });
  }
  for (const c of cases) {
    c.modules.forEach((s, i) => {
      if (!moduleSlugs.has(s)) ctx.problems.push(`${c.file}: modules.${i}: no module with slug "${s}"`);
    });
  }

  const usedIn = (term: string): PageRef[] => [
    ...modules.flatMap((m) =>
      m.lessons
        .filter((l) => l.terms.includes(term))
        .map((l) => ({ href: `/course/${m.slug}/${l.slug}`, title: `${m.number}. ${l.title}` })),
    ),
    ...cases.filter((c) => c.terms.includes(term)).map((c) => ({ href: `/cases/${c.slug}`, title: c.title })),
  ];

  if (ctx.problems.length > 0 || !courseDoc) {
    throw new ContentError(ctx.problems.length ? ctx.problems : ["content/course.md: could not be read"]);
  }
  return {
    course: { ...courseDoc.meta, ...render(courseDoc.body), file: rel(ctx, courseFile) },
    sources,
    modules,
    cases,
    glossary: glossary.map((g) => ({ ...g, usedIn: usedIn(g.term) })),
    hash: ctx.hash.digest("hex"),
  };
}
