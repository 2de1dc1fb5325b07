// Finds ASCII punctuation written inside Chinese interface text (`名称:`, `(可选)`, `好,再试`) in
// string literals, template text and JSX text, using the TypeScript parser so code (object
// literals, calls, types) is never looked at. Chinese UI text takes full-width marks: ，：；？！（）.
// Used by tests/unit/ui-punctuation.test.ts and, to rewrite files, scripts/fix-ui-punctuation.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const FULL_WIDTH: Record<string, string> = {
  ",": "，",
  ":": "：",
  ";": "；",
  "?": "？",
  "!": "！",
  "(": "（",
  ")": "）",
};

// What counts as Chinese beside a mark: Han characters, CJK and full-width punctuation, and the
// curly quotes Chinese text uses (“计算”,).
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/;

export type PunctuationHit = { line: number; column: number; mark: string; excerpt: string };

/** Offsets (within `text`) of ASCII marks with a Chinese character on at least one side. */
export function asciiMarksInChineseText(text: string): number[] {
  const isChinese = (i: number) => i >= 0 && i < text.length && CHINESE.test(text[i]!);
  const hits: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (Object.hasOwn(FULL_WIDTH, text[i]!) && (isChinese(i - 1) || isChinese(i + 1))) hits.push(i);
  }
  return hits;
}

/** Pairs of brackets (offsets in the file) across the file's text in reading order, so a bracket
 * split from its partner by `${…}` or a JSX expression — `(最多 {n} 个)` — is still paired. */
function bracketPairs(spans: { start: number; text: string }[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (const { start, text } of spans) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "(") open.push(start + i);
      else if (text[i] === ")" && open.length > 0) {
        const j = open.pop()!;
        pairs.set(start + i, j).set(j, start + i);
      }
    }
  }
  return pairs;
}

/** The text a JavaScript/TypeScript file shows people: each literal's content span. */
function textSpans(source: ts.SourceFile): { start: number; text: string }[] {
  const spans: { start: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Module names and type-level strings are code, not text.
      if (
        !ts.isImportDeclaration(node.parent) &&
        !ts.isExportDeclaration(node.parent) &&
        !ts.isLiteralTypeNode(node.parent)
      )
        spans.push({ start: node.getStart(source) + 1, text: node.getText(source).slice(1, -1) });
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const raw = node.getText(source);
      // `…${ , }…${ , }…` — skip the backtick or closing brace before, and `${` or backtick after.
      const startTrim = 1;
      const endTrim = ts.isTemplateTail(node) ? 1 : 2;
      spans.push({ start: node.getStart(source) + startTrim, text: raw.slice(startTrim, raw.length - endTrim) });
    } else if (ts.isJsxText(node)) {
      spans.push({ start: node.getStart(source), text: node.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

function parse(fileName: string, code: string) {
  const kind = /\.(tsx|jsx)$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.m?js$/.test(fileName)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
}

// A bracket counts when either it or its partner does, so `（2025)` is never left half-converted.
function hitOffsets(fileName: string, code: string): number[] {
  const spans = textSpans(parse(fileName, code)).sort((a, b) => a.start - b.start);
  const pairs = bracketPairs(spans);
  const hits = new Set<number>();
  for (const { start, text } of spans) {
    for (const i of asciiMarksInChineseText(text)) {
      hits.add(start + i);
      const partner = pairs.get(start + i);
      if (partner !== undefined) hits.add(partner);
    }
  }
  return [...hits].sort((a, b) => a - b);
}

/** Every ASCII mark inside Chinese interface text of one file, with its 1-based line and column. */
export function findAsciiPunctuation(fileName: string, code: string): PunctuationHit[] {
  const source = parse(fileName, code);
  return hitOffsets(fileName, code).map((offset) => {
    const { line, character } = source.getLineAndCharacterOfPosition(offset);
    const lineText = code.split("\n")[line] ?? "";
    return { line: line + 1, column: character + 1, mark: code[offset]!, excerpt: lineText.trim().slice(0, 80) };
  });
}

/** The same file with those marks replaced by their full-width forms; nothing else changes. */
export function fixAsciiPunctuation(fileName: string, code: string): string {
  const chars = code.split(""); // UTF-16 units, the same offsets TypeScript reports
  for (const offset of hitOffsets(fileName, code)) chars[offset] = FULL_WIDTH[code[offset]!]!;
  return chars.join("");
}

/** The interface source files the rule covers: app/, components/ and lib/ (not the generated
 * Prisma client, and not content/, whose prose is checked with the content). */
export function uiSourceFiles(root = "."): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (rel !== path.join("lib", "generated")) walk(rel);
      } else if (/\.(tsx?|m?js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(rel);
    }
  };
  ["app", "components", "lib"].forEach(walk);
  return files.sort();
}
