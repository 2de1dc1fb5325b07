// Shared by every browser test: fail any test whose page logs a console error or throws.
import { test as base, expect } from "@playwright/test";
import { skipReason } from "../support/system-tools";

/** A made-up client address (TEST-NET-2), so each test has its own sign-in rate-limit bucket, as
 * distinct users behind the production proxy would. */
export function clientAddressHeader() {
  return { "X-Forwarded-For": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
}

export const test = base.extend<{ consoleErrors: string[] }>({
  extraHTTPHeaders: async ({}, use) => use(clientAddressHeader()),
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // Tests provoke some error statuses on purpose (a missing page, a wrong password, a rate
        // limit); the browser logs those responses as errors. Script errors still fail the test.
        if (
          msg.type() === "error" &&
          !/Failed to load resource: the server responded with a status of (401|404|429)/.test(msg.text())
        )
          errors.push(msg.text());
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
