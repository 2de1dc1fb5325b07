import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RouteErrorView } from "@/components/route-error";

// The error boundaries (app/**/error.tsx) render this; a browser test cannot make a page fail on
// demand without adding a failing route to the app, so the markup is checked here.
describe("the error boundary's page", () => {
  const error = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { digest: "3141592653" });
  const html = renderToStaticMarkup(
    createElement(RouteErrorView, { error, reset: () => {}, back: { href: "/course", label: "课程目录" } }),
  );

  it("explains in Chinese and offers 重试, the section's page and the home page", () => {
    expect(html).toContain("页面出错了");
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>重试<\/button>/);
    expect(html).toContain('href="/course"');
    expect(html).toContain('href="/"');
    expect(html).toContain('role="alert"');
  });

  it("shows the digest for support but never the error's own message", () => {
    expect(html).toContain("错误编号 3141592653");
    expect(html).not.toContain("ECONNREFUSED");
  });
});
