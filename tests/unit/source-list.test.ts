import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceList } from "@/components/source-list";

// The 出处 line joins a title, a publisher and a date: the separators are full-width, as anywhere
// else next to Chinese text (a half-width comma here went unnoticed on every lesson for a day).
describe("the sources list", () => {
  it("separates title, publisher and date with full-width punctuation", () => {
    const html = renderToStaticMarkup(
      createElement(SourceList, {
        title: "出处",
        sources: [{ id: "s1", title: "中信银行年报", publisher: "浙江企业新闻网", date: "2021-03-26" } as never],
      }),
    );
    const text = html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
    expect(text).toContain("《中信银行年报》，浙江企业新闻网，2021-03-26");
    expect(text).not.toMatch(/[\u4e00-\u9fff],|,[\u4e00-\u9fff0-9]/);
  });
});
