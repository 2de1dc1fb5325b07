// Links prefetch on intent, not on sight (components/link.tsx, decision 0033): a lesson opened on
// a slow phone spends nothing on the pages its header and breadcrumb point to, until the learner
// reaches for one.
import type { Request } from "@playwright/test";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const isPrefetch = (r: Request) => r.headers()["next-router-prefetch"] !== undefined;

test("a lesson prefetches no linked page on load, and a link's page once it is hovered", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (isPrefetch(r)) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/course/evolution/four-stages");
  await page.waitForFunction(() => "next" in window); // Next's client has started
  // The header's sign-in link appears once the header's own request (/api/me) is answered;
  // networkidle then means nothing else is on its way either.
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);

  const breadcrumb = page.getByRole("navigation", { name: "breadcrumb" });
  const course = page.waitForRequest((r) => isPrefetch(r) && new URL(r.url()).pathname === "/course");
  await breadcrumb.getByRole("link").first().hover();
  await course;
  // Following it still works (the prefetched payload, or a fetch on the spot).
  await breadcrumb.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/course$/);
});
