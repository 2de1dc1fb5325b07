import type { Page } from "@playwright/test";

/**
 * Lays out the blocks the page renders only near the screen (.render-when-near, decision 0035) as
 * ordinary blocks, for checks that measure or inspect the whole page at once: while skipped they
 * have no real size, and their containment clips what overflows, so a too-wide table or an
 * unreadable colour further down would pass unseen.
 */
export async function renderEverything(page: Page) {
  await page.addStyleTag({ content: ".render-when-near{content-visibility:visible!important}" });
}
