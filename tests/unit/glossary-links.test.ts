import { describe, expect, it } from "vitest";
import { linkGlossaryTerms } from "@/lib/content/glossary-links";

const terms = [
  { term: "实动率", aliases: [] },
  { term: "收单", aliases: ["线上收单"] },
  { term: "普惠型小微企业贷款", aliases: [] },
  { term: "小微企业", aliases: [] },
];

describe("linkGlossaryTerms", () => {
  it("links only the first mention of each term", () => {
    const r = linkGlossaryTerms("<p>实动率很重要,实动率要每月看。</p>", terms);
    expect(r.html).toBe(
      '<p><a href="/glossary#%E5%AE%9E%E5%8A%A8%E7%8E%87" class="glossary-term" title="查看术语：实动率">实动率</a>很重要,实动率要每月看。</p>',
    );
    expect(r.found).toEqual(["实动率"]);
  });

  it("never links inside headings, links or code", () => {
    const html = '<h2 id="x">实动率</h2><p><a href="/y">收单</a><code>实动率</code></p><p>收单业务</p>';
    const r = linkGlossaryTerms(html, terms);
    expect(r.html).toContain('<h2 id="x">实动率</h2>');
    expect(r.html).toContain('<a href="/y">收单</a>');
    expect(r.html).toContain("<code>实动率</code>");
    expect(r.html).toContain(
      '<p><a href="/glossary#%E6%94%B6%E5%8D%95" class="glossary-term" title="查看术语：收单">收单</a>业务</p>',
    );
  });

  it("prefers the longest name and links aliases to their term", () => {
    const r = linkGlossaryTerms("<p>发放普惠型小微企业贷款,拓展线上收单。</p>", terms);
    expect(r.found).toEqual(["普惠型小微企业贷款", "收单"]);
    expect(r.html).toContain(">普惠型小微企业贷款</a>");
    expect(r.html).toContain(">线上收单</a>");
    expect(r.html).not.toContain(">小微企业</a>");
  });

  it("links several different terms within one text run", () => {
    const r = linkGlossaryTerms("<li>收单与实动率</li>", terms);
    expect(r.found).toEqual(["收单", "实动率"]);
  });
});
