// Shared by every browser test: fail any test whose page logs a console error or throws.
import { test as base, expect } from "@playwright/test";
import { skipReason } from "../support/system-tools";

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // The deliberate 404 test loads a missing page; the browser reports that status as an error.
        if (msg.type() === "error" && !/status of 404/.test(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

/** Call at the top of each spec: outside CI, a machine without Chromium skips with the reason. */
export const noChromium = skipReason("chromium");

export { expect };
