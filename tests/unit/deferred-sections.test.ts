import { describe, expect, it } from "vitest";
import { deferLaterSections } from "@/lib/content/deferred-sections";

describe("deferLaterSections", () => {
  it("wraps every top-level h2 section after the first, and keeps the text whole", () => {
    const html =
      '<p>引言</p>\n<h2 id="a">一</h2>\n<p>甲</p>\n<h2 id="b">二</h2>\n<p>乙</p>\n<h2 id="c">三</h2>\n<p>丙</p>\n';
    const out = deferLaterSections(html);
    expect(out).toBe(
      '<p>引言</p>\n<h2 id="a">一</h2>\n<p>甲</p>\n' +
        '<section class="render-when-near"><h2 id="b">二</h2>\n<p>乙</p>\n</section>' +
        '<section class="render-when-near"><h2 id="c">三</h2>\n<p>丙</p>\n</section>',
    );
    expect(out.replace(/<\/?section[^>]*>/g, "")).toBe(html);
  });

  it("leaves a text with one section or none as it is", () => {
    expect(deferLaterSections("<p>只有一段</p>")).toBe("<p>只有一段</p>");
    expect(deferLaterSections('<h2 id="a">一</h2><p>甲</p>')).toBe('<h2 id="a">一</h2><p>甲</p>');
  });

  it("does not split at an h2 inside a quote or a list", () => {
    const html =
      '<h2 id="a">一</h2><blockquote><h2 id="q">引</h2><p>x</p></blockquote><ul><li><h2 id="l">列</h2></li></ul><h2 id="b">二</h2><p>乙</p>';
    const out = deferLaterSections(html);
    expect(out.match(/<section/g)?.length).toBe(1);
    expect(out).toContain('<section class="render-when-near"><h2 id="b">二</h2><p>乙</p></section>');
  });
});
