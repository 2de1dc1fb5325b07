// Links the first mention of each glossary term in a rendered page to its entry in /glossary.
// Works on the HTML that lib/content/markdown.ts produced (well-formed, no raw HTML from
// authors), skipping headings, existing links and code so a link never lands inside them.

export type LinkableTerm = { term: string; aliases: string[] };

const SKIP_TAGS = new Set(["a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"]);

export function glossaryHref(term: string) {
  return `/glossary#${encodeURIComponent(term)}`;
}

/** Returns the HTML with links added and the terms that were found (in order of first mention). */
export function linkGlossaryTerms(html: string, terms: LinkableTerm[]): { html: string; found: string[] } {
  // Longest names first, so 普惠型小微企业贷款 wins over a shorter term inside it.
  const names = terms
    .flatMap((t) => [t.term, ...t.aliases].map((name) => ({ name, term: t.term })))
    .sort((a, b) => b.name.length - a.name.length);
  const linked = new Set<string>();
  const found: string[] = [];
  const skipStack: string[] = [];
  const parts = html.split(/(<[^>]+>)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith("<")) {
      const m = /^<(\/?)([a-zA-Z0-9]+)/.exec(part);
      if (m && SKIP_TAGS.has(m[2]!.toLowerCase())) {
        if (m[1]) skipStack.pop();
        else skipStack.push(m[2]!);
      }
      continue;
    }
    if (skipStack.length > 0 || part.trim() === "") continue;
    // Find the earliest-starting unlinked term in this text run, link it, and repeat on the rest.
    let text = part;
    let out = "";
    for (;;) {
      let best: { index: number; name: string; term: string } | undefined;
      for (const n of names) {
        if (linked.has(n.term)) continue;
        const index = text.indexOf(n.name);
        if (index >= 0 && (!best || index < best.index || (index === best.index && n.name.length > best.name.length))) {
          best = { index, name: n.name, term: n.term };
        }
      }
      if (!best) break;
      linked.add(best.term);
      found.push(best.term);
      out += text.slice(0, best.index);
      out += `<a href="${glossaryHref(best.term)}" class="glossary-term" title="查看术语：${best.term}">${best.name}</a>`;
      text = text.slice(best.index + best.name.length);
    }
    parts[i] = out + text;
  }
  return { html: parts.join(""), found };
}
