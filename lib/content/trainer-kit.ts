// The trainer kit (content/trainer-kit/): agendas, facilitator notes per module, teaching notes per
// case and role-play scripts. Kept apart from the learner content on purpose: loadContent never
// reads these files, so a learner page cannot render a teaching note by accident; only the
// trainer pages (through lib/trainer-kit, server-only) and content:check load them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError, parseDoc, type Content } from "./load";
import { renderMarkdown, type TocEntry } from "./markdown";
import type { ContentProblem } from "./problems";

const text = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
  .trim()
  .min(1, "must not be empty");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case ASCII");

export const kitDocSchema = z.strictObject({ title: text, summary: text.optional() });
export const rolePlaySchema = z.strictObject({ title: text, summary: text });
export const moduleNoteSchema = z.strictObject({ title: text, module: slug, summary: text.optional() });
export const caseNoteSchema = z.strictObject({ title: text, case: slug, summary: text.optional() });

/** The kit's fixed documents, by URL slug (= file name without .md). */
export const KIT_DOCUMENTS = ["agenda-1-day", "agenda-2-day", "worksheets"] as const;
export type KitDocumentSlug = (typeof KIT_DOCUMENTS)[number];

export type KitPage = { slug: string; title: string; summary?: string; html: string; toc: TocEntry[]; file: string };
export type ModuleNote = KitPage & { module: string };
export type CaseNote = KitPage & { case: string };
export type TrainerKit = {
  index: KitPage;
  documents: KitPage[];
  rolePlays: KitPage[];
  moduleNotes: ModuleNote[];
  caseNotes: CaseNote[];
};

const mdFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
    : [];

/**
 * Reads and checks every kit file: front matter against its schema, `module:` and `case:` against
 * the course's slugs (and the file name). Throws one ContentError listing every problem.
 */
export function loadTrainerKit(content: Content, root = path.join(process.cwd(), "content")): TrainerKit {
  const kitDir = path.join(root, "trainer-kit");
  const problems: string[] = [];
  const relName = (file: string) => path.relative(path.dirname(root), file);

  function read<S extends z.ZodType>(file: string, schema: S) {
    if (!existsSync(file)) {
      problems.push(`${relName(file)}: file is missing`);
      return null;
    }
    const doc = parseDoc(relName(file), readFileSync(file, "utf8"), schema, problems);
    if (!doc) return null;
    const rendered = renderMarkdown(doc.body);
    const slugOf = path.basename(file, ".md");
    return { meta: doc.meta, page: { slug: slugOf, html: rendered.html, toc: rendered.toc, file: relName(file) } };
  }

  const index = read(path.join(kitDir, "index.md"), kitDocSchema);
  const documents = KIT_DOCUMENTS.map((d) => read(path.join(kitDir, `${d}.md`), kitDocSchema))
    .filter((d) => d !== null)
    .map((d) => ({ ...d.page, ...d.meta }));
  const rolePlays = mdFiles(path.join(kitDir, "role-plays"))
    .map((f) => read(path.join(kitDir, "role-plays", f), rolePlaySchema))
    .filter((d) => d !== null)
    .map((d) => ({ ...d.page, ...d.meta }));

  const moduleSlugs = new Set(content.modules.map((m) => m.slug));
  const moduleNotes: ModuleNote[] = [];
  for (const f of mdFiles(path.join(kitDir, "modules"))) {
    const d = read(path.join(kitDir, "modules", f), moduleNoteSchema);
    if (!d) continue;
    if (!moduleSlugs.has(d.meta.module)) problems.push(`${d.page.file}: module: no module with slug "${d.meta.module}"`);
    else if (d.meta.module !== d.page.slug)
      problems.push(`${d.page.file}: module: is "${d.meta.module}" but the file is named ${f}`);
    moduleNotes.push({ ...d.page, ...d.meta });
  }

  const caseSlugs = new Set(content.cases.map((c) => c.slug));
  const caseNotes: CaseNote[] = [];
  for (const f of mdFiles(path.join(kitDir, "cases"))) {
    const d = read(path.join(kitDir, "cases", f), caseNoteSchema);
    if (!d) continue;
    if (!caseSlugs.has(d.meta.case)) problems.push(`${d.page.file}: case: no case named "${d.meta.case}" in content/cases`);
    else if (d.meta.case !== d.page.slug)
      problems.push(`${d.page.file}: case: is "${d.meta.case}" but the file is named ${f}`);
    caseNotes.push({ ...d.page, ...d.meta });
  }

  if (problems.length > 0 || !index) throw new ContentError(problems);
  const moduleOrder = content.modules.map((m) => m.slug);
  moduleNotes.sort((a, b) => moduleOrder.indexOf(a.module) - moduleOrder.indexOf(b.module));
  return { index: { ...index.page, ...index.meta }, documents, rolePlays, moduleNotes, caseNotes };
}

/** The kit covers the whole course: facilitator notes for every module, a teaching note for every case. */
export function checkKitCoverage(kit: TrainerKit, content: Content): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const m of content.modules) {
    if (!kit.moduleNotes.some((n) => n.module === m.slug))
      problems.push({
        rule: "kit-coverage",
        file: `content/trainer-kit/modules/${m.slug}.md`,
        message: `module ${m.slug} has no facilitator notes`,
      });
  }
  for (const c of content.cases) {
    if (!kit.caseNotes.some((n) => n.case === c.slug))
      problems.push({
        rule: "kit-coverage",
        file: `content/trainer-kit/cases/${c.slug}.md`,
        message: `case ${c.slug} has no teaching note`,
      });
  }
  return problems;
}
