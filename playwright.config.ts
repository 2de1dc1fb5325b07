import { defineConfig, devices } from "@playwright/test";
import { E2E_DB_PORT, E2E_PORT } from "./tests/e2e/server";
import { WECHAT_ANDROID_UA } from "./tests/support/user-agents";

// Browser tests drive Debian's Chromium (/usr/bin/chromium); Playwright never downloads a browser
// here. The app runs as `npm start` would, on its own port and its own embedded database.
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: ["**/two-instances.spec.ts", "**/fuzz.spec.ts", "**/wechat.spec.ts"],
    },
    // Reading and exercises on a phone; account and access tests change shared demo accounts, so
    // they run once (desktop) rather than twice in parallel.
    {
      name: "phone",
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
      testIgnore: [
        "**/auth.spec.ts",
        "**/access.spec.ts",
        // Opens its own 360 px phone contexts for the learner's side.
        "**/account-links.spec.ts",
        "**/quiz.spec.ts",
        "**/learning-path.spec.ts",
        "**/fuzz.spec.ts",
        "**/sign-in-security.spec.ts",
        "**/two-instances.spec.ts",
        // Opens its own 360 px WeChat contexts for the learners; the trainer works at a desk.
        "**/check-in.spec.ts",
        // Opens its own 360 px phone context for the learner; the trainer reads the figures at a desk.
        "**/action-plans.spec.ts",
        "**/pretest.spec.ts",
        // A report is read and printed at a desk.
        "**/report.spec.ts",
        // Share cards and posters are the same files on any screen; WeChat has its own project.
        "**/sharing.spec.ts",
        "**/wechat.spec.ts",
        // Opens its own 360 px phone context for the verification page; downloads run at a desk.
        "**/certificate.spec.ts",
        // Opens its own 360 px phone contexts for the learners; the trainer works at a desk.
        "**/exam.spec.ts",
      ],
    },
    // Inside WeChat's in-app browser, where most learners open the links their trainer posts: a
    // 360 px Android phone sending WeChat's user agent. Downloads and printing do nothing there,
    // so the pages must offer WeChat's ways out (components/wechat/, decision 0031).
    {
      name: "wechat",
      use: {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        userAgent: WECHAT_ANDROID_UA,
        locale: "zh-CN",
      },
      testMatch: ["**/wechat.spec.ts"],
    },
    // Heavy on a 2-core machine (two more app servers and a PostgreSQL server; thousands of
    // generated requests): run after the others, alone, so they do not slow every other test.
    {
      name: "heavy",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: ["**/two-instances.spec.ts", "**/fuzz.spec.ts"],
      dependencies: ["desktop", "phone", "wechat"],
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      HOSTNAME: "127.0.0.1",
      EMBEDDED_DB_PORT: String(E2E_DB_PORT),
      EMBEDDED_DB_DIR: ".data/e2e/pglite",
      // The tests play many clients from one machine by sending X-Forwarded-For, as nginx would.
      TRUSTED_PROXIES: "loopback",
    },
  },
});
