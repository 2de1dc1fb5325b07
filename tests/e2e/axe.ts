// Accessibility checks with axe-core in the browser tests: the page as it stands (after hydration)
// against the WCAG 2.0, 2.1 and 2.2 level A and AA rules. No rule is switched off (decision 0032).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** One line per failing element: rule, impact, what axe says is wrong, and where. */
function describe(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`,
    ),
  );
}

/** Marks the test failed (softly: the test goes on to its next page, so one run reports every
 * page's findings) with each WCAG A/AA violation axe finds on the page, named by `label`. */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Wait for the page to settle (client components hydrated, their fetches answered), so axe sees
  // what a person sees.
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  expect.soft(describe(violations), `accessibility violations on ${label}`).toEqual([]);
}
