// A long text's later sections wrapped so the browser lays them out only when they come near the
// screen (.render-when-near in app/globals.css; decision 0035). The first section stays as it is:
// it is what a reader sees first. Works on the rendered HTML (after glossary links), and only
// splits at <h2> headings at the top level; one inside a quote or a list is left where it is.
const H2 = /<h2[\s>]/g;

/** Whether position `at` of `html` is outside every quote, list item and table cell. */
function atTopLevel(html: string, at: number): boolean {
  const before = html.slice(0, at);
  const open = (tag: string) =>
    (before.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0) -
    (before.match(new RegExp(`</${tag}>`, "g"))?.length ?? 0);
  return ["blockquote", "li", "td", "th"].every((tag) => open(tag) === 0);
}

export function deferLaterSections(html: string): string {
  const starts = [...html.matchAll(H2)].map((m) => m.index).filter((i) => atTopLevel(html, i));
  if (starts.length < 2) return html;
  const parts = [html.slice(0, starts[1])];
  for (let k = 1; k < starts.length; k++) {
    parts.push(`<section class="render-when-near">${html.slice(starts[k], starts[k + 1] ?? html.length)}</section>`);
  }
  return parts.join("");
}
