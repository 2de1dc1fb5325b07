// Content rules that `npm run content:check` enforces beyond the schemas (issue 15 §4 and §6):
// full-width punctuation in Chinese text, figures not repeated all over the course, and a stated
// online reading time that matches the lessons. Pure functions over text and loaded content, so
// each is unit-tested against small fixtures (tests/unit/content-rules.test.ts).
import { parseDocument, visit, isScalar } from "yaml";
import { isStructuralNumber, numbersIn, type FigureRegistry } from "./figures";
import type { ContentProblem } from "./problems";

// ---------------------------------------------------------------------------------------------
// Punctuation

const ASCII_MARKS = new Set([",", ":", ";", "?", "!", "(", ")"]);
// Chinese beside a mark: Han characters, CJK and full-width punctuation, and the curly quotes
// Chinese text uses (the same notion as the UI-string check in tests/support/ui-punctuation.ts).
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/;

/** Offsets of ASCII , : ; ? ! ( ) with a Chinese character on at least one side. */
export function asciiMarksBesideChinese(text: string): number[] {
  const isChinese = (i: number) => i >= 0 && i < text.length && CHINESE.test(text[i]!);
  const hits: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (ASCII_MARKS.has(text[i]!) && (isChinese(i - 1) || isChinese(i + 1))) hits.push(i);
  }
  return hits;
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** Markdown syntax that legitimately puts ASCII brackets beside Chinese: link targets
 * `[文字](/course/x)。` and inline code. Blanked (same length) so offsets and lines stay true. */
function maskMarkdownSyntax(body: string): string {
  return body.replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`).replace(/`[^`\n]*`/g, blank);
}

/** Only YAML's string values are text: flow-list commas (`[标签一, 标签二]`) and `key:` are syntax. */
function maskYamlSyntax(yaml: string): string {
  const keep = new Array<boolean>(yaml.length).fill(false);
  const doc = parseDocument(yaml);
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
      for (let i = node.range[0]; i < node.range[1]; i++) keep[i] = true;
    },
  });
  // Offsets are UTF-16 code units in both the parser's ranges and String.replace.
  return yaml.replace(/[^\n]/g, (c, i: number) => (keep[i] ? c : " "));
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The text of a content file as prose: syntax blanked out, line structure kept. */
export function proseOf(file: string, raw: string): string {
  if (/\.ya?ml$/.test(file)) return maskYamlSyntax(raw);
  const fm = FRONT_MATTER.exec(raw);
  if (!fm) return maskMarkdownSyntax(raw);
  const head = raw.slice(0, fm[0].length);
  const yamlStart = head.indexOf("\n") + 1;
  const yamlText = fm[1] ?? "";
  const masked = `${blank(head.slice(0, yamlStart))}${maskYamlSyntax(yamlText)}${blank(head.slice(yamlStart + yamlText.length))}`;
  return masked + maskMarkdownSyntax(raw.slice(fm[0].length));
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };

/** One problem per line that has ASCII punctuation beside Chinese, naming the marks. */
export function checkPunctuation(files: { file: string; text: string }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, text } of files) {
    const prose = proseOf(file, text);
    const lines = prose.split("\n");
    const raw = text.split("\n");
    lines.forEach((line, i) => {
      const hits = asciiMarksBesideChinese(line);
      if (hits.length === 0) return;
      const marks = [...new Set(hits.map((h) => line[h]!))];
      const first = hits[0]!;
      const excerpt = (raw[i] ?? line).slice(Math.max(0, first - 8), first + 9).trim();
      problems.push({
        rule: "punctuation",
        file,
        at: `line ${i + 1}`,
        message: `ASCII ${marks.map((m) => `"${m}"`).join(" ")} beside Chinese text (write ${marks.map((m) => FULL_WIDTH[m]).join(" ")}): …${excerpt}…`,
      });
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Figures repeated outside their case

/** A place a figure can be repeated: a lesson file, a glossary entry, a quiz question. */
export type TextPlace = { file: string; at?: string; text: string };

export const MAX_FIGURE_REPEATS = 2;

const withoutGrouping = (s: string) => s.replace(/(\d),(?=\d{3})/g, "$1");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A figure that is only years, months or stage names (2020年1月, 1.0阶段) is structure, not a fact. */
function isFactFigure(figure: string): boolean {
  return numbersIn(figure).some((n) => !isStructuralNumber(n));
}

/**
 * A registered figure belongs to its case (the case whose source it comes from). Elsewhere — in
 * lessons, the glossary and quizzes — it may appear in at most two places; more, and the course
 * reads as a list of numbers. A place counts once however often it repeats the figure.
 */
export function checkFigureRepeats(
  registry: FigureRegistry,
  places: TextPlace[],
  cases: { slug: string; source: string }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const texts = places.map((p) => ({ ...p, norm: withoutGrouping(p.text) }));
  for (const [sourceId, figures] of Object.entries(registry.sources)) {
    const owner = cases.find((c) => c.source === sourceId);
    for (const figure of new Set(figures)) {
      if (!isFactFigure(figure)) continue;
      const pattern = new RegExp(`(?<![\\d.])${escapeRegExp(withoutGrouping(figure))}`);
      const found = texts.filter((t) => pattern.test(t.norm));
      if (found.length <= MAX_FIGURE_REPEATS) continue;
      problems.push({
        rule: "figure-repeats",
        file: "content/figures.yaml",
        at: `sources.${sourceId}`,
        message:
          `"${figure}" appears in ${found.length} places outside ${owner ? `its case (${owner.slug})` : "a case"}; ` +
          `at most ${MAX_FIGURE_REPEATS}: ${found.map((f) => (f.at ? `${f.file} ${f.at}` : f.file)).join(", ")}`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Stated duration

/** An online-time figure in course.md's `duration` (约 180 分钟, 约 3 小时), in minutes; null when
 * it states none. 学时 is the classroom plan and is not checked here. */
export function statedOnlineMinutes(duration: string): number | null {
  const minutes = /(\d+(?:\.\d+)?)\s*分钟/.exec(duration);
  if (minutes) return Number(minutes[1]);
  const hours = /(\d+(?:\.\d+)?)\s*(?:个)?小时/.exec(duration);
  return hours ? Math.round(Number(hours[1]) * 60) : null;
}

export const DURATION_TOLERANCE = 0.1;

export function checkDuration(file: string, duration: string, computedMinutes: number): ContentProblem[] {
  const stated = statedOnlineMinutes(duration);
  if (stated === null) return [];
  if (Math.abs(stated - computedMinutes) <= computedMinutes * DURATION_TOLERANCE) return [];
  return [
    {
      rule: "duration",
      file,
      at: "duration",
      message: `states about ${stated} minutes online, but the lessons' reading time adds up to ${computedMinutes} minutes (more than ${DURATION_TOLERANCE * 100}% apart)`,
    },
  ];
}
