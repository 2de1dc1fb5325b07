import { loadContent } from "@/lib/content/load";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const lesson = `/course/${content.modules[0]!.slug}/${content.modules[0]!.lessons[0]!.slug}`;

function directives(csp: string) {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );
}

for (const path of ["/", lesson, "/login", "/api/health"]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const csp = directives(h["content-security-policy"] ?? "");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const script = csp.get("script-src") ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-"))).toBe(true);
  });
}

test("a prerendered lesson allows its own inline scripts by hash, a sign-in page by a fresh nonce", async ({
  request,
}) => {
  const a = (await request.get(lesson)).headers()["content-security-policy"]!;
  const b = (await request.get(lesson)).headers()["content-security-policy"]!;
  expect(a).toContain("'sha256-");
  expect(a).toBe(b); // the same for every visitor, so the page stays cacheable
  const n1 = (await request.get("/login")).headers()["content-security-policy"]!;
  const n2 = (await request.get("/login")).headers()["content-security-policy"]!;
  expect(n1).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(n1).not.toBe(n2);
});

test("pages hydrate under the policy (no CSP violations in the console)", async ({ page }) => {
  // The consoleErrors fixture fails this test if the browser refuses any script.
  await page.goto(lesson);
  await page.goto("/exercises/activity-rates");
  await page.getByLabel("发卡量（张）").fill("100");
  await page.getByLabel("流通卡量（张）").fill("100");
  await page.getByLabel("活跃卡量（张）").fill("50");
  await page.getByLabel("流通客户数（户）").fill("100");
  await page.getByLabel("活跃客户数（户）").fill("50");
  await page.getByRole("button", { name: "计算" }).click();
  await expect(page.getByRole("region", { name: "计算结果" })).toBeVisible(); // the client component ran
  await page.goto("/login");
  await page.goto("/no-such-page");
});

test("prerendered pages load their scripts after the first paint, and still hydrate", async ({ page, request }) => {
  // scripts/lib/scripts-after-first-paint.ts moved the chunks out of <head> at build time.
  const html = await (await request.get("/")).text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async/);
  expect(html).toContain("data-after-first-paint");
  const chunks: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") chunks.push(r.url());
  });
  await page.goto("/");
  // Next sets window.next when its client starts; the consoleErrors fixture catches a refused script.
  await page.waitForFunction(() => "next" in window);
  expect(chunks.length).toBeGreaterThan(0);
  // scripts/lib/compile-hints.ts: each chunk the loader names is served with V8's compile hint as
  // its first line, so Chromium compiles it off the main thread while it streams in.
  const named = JSON.parse(html.match(/<script data-after-first-paint="">\(function\(\)\{var s=(\[[^\]]*\])/)![1]!);
  expect(named.length).toBeGreaterThan(0);
  for (const src of named as string[]) {
    const js = await (await request.get(src)).text();
    expect(js.startsWith("//# allFunctionsCalledOnLoad\n"), src).toBe(true);
  }
});
