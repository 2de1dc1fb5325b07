// Markdown → HTML for lessons and cases, plus the table of contents and reading time.
// Content is written by the course team and reviewed in diffs, but raw HTML is still refused
// (escaped), so a stray tag in a lesson can never become markup or script on the page.
import { Marked, type Tokens } from "marked";

export type TocEntry = { id: string; text: string; level: 2 | 3 };
export type RenderedMarkdown = { html: string; toc: TocEntry[]; characters: number };

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Stable anchor for a heading: its text with spaces and punctuation removed (Chinese kept). */
export function headingId(text: string): string {
  return (
    text
      .trim()
      .toLowerCase()
      .replace(/[\s]+/g, "-")
      .replace(/[^\p{L}\p{N}-]+/gu, "")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const toc: TocEntry[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      heading({ tokens, depth, text }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const plain = text.replace(/[*_`]/g, "");
        let id = headingId(plain);
        const n = used.get(id) ?? 0;
        used.set(id, n + 1);
        if (n > 0) id = `${id}-${n + 1}`;
        if (depth === 2 || depth === 3) toc.push({ id, text: plain, level: depth });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const safeHref = /^(https?:|mailto:|\/|#)/.test(href) ? href : "#";
        const external = /^https?:/.test(safeHref);
        const t = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(safeHref)}"${t}${external ? ' rel="noopener noreferrer"' : ""}>${inner}</a>`;
      },
      image({ text }: Tokens.Image) {
        // No images in course text (nothing may load from outside the app); keep the alt text.
        return escapeHtml(text);
      },
    },
  });
  // Wide tables scroll sideways inside themselves on a phone (.prose-zh table); a scrolling region
  // must be reachable from the keyboard to be scrolled without a pointer (WCAG 2.1.1).
  const html = (marked.parse(source, { async: false }) as string).replaceAll("<table>", '<table tabindex="0">');
  return { html, toc, characters: countReadable(source) };
}

/** Characters a reader actually reads: CJK characters count one each, Latin words one each. */
export function countReadable(source: string): number {
  const plain = source.replace(/[#>*_`|\-\[\]()]/g, " ");
  const cjk = plain.match(/[\p{Script=Han}]/gu)?.length ?? 0;
  const words = plain.replace(/[\p{Script=Han}]/gu, " ").match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return cjk + words;
}

/** Characters a minute for study text: ~400 Chinese characters, a careful reading pace. */
export const READING_PACE = 400;

/** Minutes to read, rounded up (a 401-character lesson is two minutes, not one) and at least 1. */
export function readingMinutes(characters: number): number {
  return Math.max(1, Math.ceil(characters / READING_PACE));
}
