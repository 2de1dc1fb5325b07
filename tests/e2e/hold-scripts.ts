// Slow-network helper shared by the tests of what a click before hydration does.
import type { Page } from "@playwright/test";

/** Holds every script of the app until `release()`, so the page stays plain server HTML for as
 * long as the test needs, not for a guessed number of seconds. Stylesheets pass (they block the
 * first paint, and a learner on a slow network sees a styled page before it is interactive). */
export async function holdScripts(page: Page) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { served: 0 };
  await page.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() === "script") {
      await gate;
      state.served++;
    }
    await route.continue();
  });
  return {
    get served() {
      return state.served;
    },
    release: open,
  };
}
