import type { APIResponse, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { loadContent } from "@/lib/content/load";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const mod = content.modules[0]!;
const lesson = mod.lessons[0]!;
const kase = content.cases[0]!;

/** The <meta> tags of an HTML document, by property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const value = /content="([^"]*)"/.exec(tag)?.[1];
    if (key && value !== undefined && !tags.has(key)) tags.set(key, value.replaceAll("&amp;", "&"));
  }
  return tags;
}

const headOf = async (res: APIResponse) => {
  const html = await res.text();
  return html.slice(0, html.indexOf("</head>"));
};

test.describe("site files", () => {
  test("favicon, icons, manifest, robots.txt and the share image are served with their types", async ({
    request,
    page,
  }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

    // The page links its icons; each link must lead to a real image.
    await page.goto("/");
    const svgIcon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect((await request.get(svgIcon!)).headers()["content-type"]).toContain("image/svg+xml");
    const appleRes = await request.get(apple!);
    expect(appleRes.status()).toBe(200);
    expect(appleRes.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await appleRes.body())).toEqual({ width: 180, height: 180 });

    const manifest = await request.get(manifestHref!);
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
    const m = (await manifest.json()) as {
      name: string;
      short_name: string;
      lang: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(m).toMatchObject({ name: "场景化金融生态", lang: "zh-CN", display: "standalone" });
    expect(m.short_name.length).toBeGreaterThan(0);
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const icon of m.icons) {
      const res = await request.get(icon.src);
      expect(res.headers()["content-type"], icon.src).toBe("image/png");
      const { width, height } = pngSize(await res.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }

    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(robots.headers()["content-type"]).toContain("text/plain");
    const rules = await robots.text();
    for (const path of ["/trainer", "/admin", "/me", "/api/"]) expect(rules).toContain(`Disallow: ${path}`);
    expect(rules).toContain("Allow: /");

    const og = await request.get("/og-image.png");
    expect(og.status()).toBe(200);
    expect(og.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await og.body())).toEqual({ width: 1200, height: 630 });
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test.describe("share cards", () => {
  test("a lesson page carries its own title and summary in Open Graph and Twitter tags", async ({ request }) => {
    const res = await request.get(`/course/${mod.slug}/${lesson.slug}`);
    expect(res.status()).toBe(200);
    const meta = metaTags(await headOf(res));
    expect(meta.get("og:title")).toBe(`${lesson.title} · 场景化金融生态`);
    expect(meta.get("og:description")).toBe(lesson.summary);
    expect(meta.get("description")).toBe(lesson.summary);
    expect(meta.get("og:type")).toBe("article");
    expect(meta.get("og:locale")).toBe("zh_CN");
    expect(meta.get("og:image")).toMatch(new RegExp(`^https?://[^/]+/og/lessons/${mod.slug}/${lesson.slug}$`));
    expect(meta.get("og:image:width")).toBe("1200");
    expect(meta.get("twitter:card")).toBe("summary_large_image");
    expect(meta.get("twitter:title")).toBe(`${lesson.title} · 场景化金融生态`);
  });

  test("every public page has its own title, a description and a card in its <head>", async ({ request }) => {
    const pages = [
      "/",
      "/course",
      `/course/${mod.slug}`,
      `/course/${mod.slug}/${lesson.slug}`,
      "/cases",
      `/cases/${kase.slug}`,
      "/glossary",
      "/exercises",
      "/exercises/activity-rates",
      "/about",
      "/enquiry",
      "/login",
      "/signup",
      "/privacy",
    ];
    const titles = new Set<string>();
    for (const path of pages) {
      const meta = metaTags(await headOf(await request.get(path)));
      const title = meta.get("og:title") ?? "";
      expect(title, path).not.toBe("");
      expect(meta.get("og:description")?.length ?? 0, path).toBeGreaterThan(10);
      // The landing page, lessons and cases have cards of their own (sharing.spec.ts); the rest the site's.
      expect(meta.get("og:image"), path).toMatch(/\/(og-image\.png|og\/[a-z0-9/-]+)$/);
      expect(meta.get("og:locale"), path).toBe("zh_CN");
      expect(meta.get("twitter:card"), path).toBe("summary_large_image");
      titles.add(title);
    }
    expect(titles.size).toBe(pages.length);
  });

  test("a certificate link gets a card that names the course, not the person, and is kept out of search", async ({
    request,
  }) => {
    const [cert] = await queryE2eDb<{ id: string; name: string }>(`SELECT id, name FROM "Certificate" LIMIT 1`);
    const res = await request.get(`/verify/${cert!.id}`);
    expect(res.status()).toBe(200);
    const meta = metaTags(await res.text());
    expect(meta.get("og:title")).toBe("结业证书 · 场景化金融生态");
    expect(meta.get("robots")).toContain("noindex");
    for (const value of meta.values()) expect(value).not.toContain(cert!.name);
  });
});

test("the landing page leads to the course's full introduction, with its note on cases and figures", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: /完整的课程介绍/ }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1, name: content.course.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "为什么要学这门课" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "关于案例和数据" })).toBeVisible();
  await expect(page.locator("#enquiry")).toBeVisible();
});

test.describe("footer", () => {
  test("names the provider's contact and links to the privacy notice", async ({ page }) => {
    await page.goto("/course");
    const footer = page.getByRole("contentinfo");
    await expect(footer).toContainText("培训咨询：");
    await expect(footer.getByRole("link", { name: "填写咨询表，专人与您联系" })).toHaveAttribute("href", "/enquiry");
    await footer.getByRole("link", { name: "个人信息保护说明" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1, name: "个人信息保护说明" })).toBeVisible();
    await expect(page.getByText("课程运营方发布")).toBeVisible();
    await expect(page.getByText(/咨询信息保存 \d+ 天/)).toBeVisible();
  });
});

test.describe("phone menu", () => {
  /** Opens the menu; the page must be hydrated first (aria-expanded follows the menu only then). */
  async function openMenu(page: Page) {
    const toggle = page.locator("summary", { hasText: "导航" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("navigation", { name: "导航" }).getByRole("link", { name: "案例库" })).toBeVisible();
    return toggle;
  }

  test("closes on Escape, on a tap outside and on navigation", async ({ page, isMobile }) => {
    test.skip(!isMobile, "the menu is only shown below the sm breakpoint (phone project)");
    await page.goto("/course");
    await page.waitForLoadState("networkidle"); // hydrated: the menu's own handlers are attached
    const menuLink = page.getByRole("navigation", { name: "导航" }).getByRole("link", { name: "案例库" });

    const toggle = await openMenu(page);
    await page.keyboard.press("Escape");
    await expect(menuLink).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toBeFocused();

    await openMenu(page);
    // The heading's left edge: its centre can lie under the open menu (right-aligned, 160 px wide
    // on a 360 px screen), and a tap there would follow 案例库 instead of tapping outside.
    await page.getByRole("heading", { level: 1 }).tap({ position: { x: 4, y: 4 } });
    await expect(page).toHaveURL(/\/course$/);
    await expect(menuLink).toBeHidden();
    // Closed means the toggle says so too (its state follows the details' toggle event).
    await expect(toggle).toHaveAttribute("aria-expanded", "false");

    await openMenu(page);
    await menuLink.tap();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1, name: "案例库" })).toBeVisible();
    await expect(menuLink).toBeHidden();
  });
});

test.describe("admin", () => {
  test("停用 asks for confirmation; cancelling changes nothing, confirming disables", async ({ page }) => {
    // A throwaway account, so no demo account used by parallel tests is locked out.
    const email = uniqueEmail("disable").toLowerCase();
    const name = `停用测试${randomUUID().slice(0, 4)}`;
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, 'LEARNER', now())`,
      [`disable${randomUUID().replaceAll("-", "").slice(0, 20)}`, email, name, await hashPassword(DEMO_PASSWORD)],
    );
    const disabledInDb = async () =>
      (await queryE2eDb<{ disabled: boolean }>(`SELECT disabled FROM "User" WHERE email = $1`, [email]))[0]!.disabled;

    await signIn(page, "admin@demo.local");
    await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    const row = page.getByRole("row").filter({ hasText: email });
    const confirmButton = row.getByRole("button", { name: "确认停用" });
    await expect(confirmButton).toBeHidden();

    await row.getByText("停用", { exact: true }).click();
    await expect(row.getByText(`确定停用“${name}”？`)).toBeVisible();
    await expect(confirmButton).toBeVisible();
    await row.getByRole("button", { name: "取消" }).click();
    await expect(confirmButton).toBeHidden();
    await expect(row.getByRole("cell", { name: "正常" })).toBeVisible();
    expect(await disabledInDb()).toBe(false);

    await row.getByText("停用", { exact: true }).click();
    await confirmButton.click();
    await expect(row.getByText("已停用")).toBeVisible();
    expect(await disabledInDb()).toBe(true);
  });
});

test.describe("error pages and prerendering", () => {
  test("a lesson is still served complete and prerendered", async ({ request }) => {
    const res = await request.get(`/course/${mod.slug}/${lesson.slug}`);
    const html = await res.text();
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toBe(lesson.title);
    // Prerendered pages get the build-time hash policy (docs/decisions/0005), not a nonce.
    expect(res.headers()["content-security-policy"]).toContain("'sha256-");
  });

  // No loading.tsx sits above pages that check access (docs/decisions/0012): it would make these
  // answers 200. access.spec.ts checks every cell; these two keep the reason next to the decision.
  test("a signed-out visitor is redirected and a missing certificate is a real 404", async ({ request }) => {
    const me = await request.get("/me", { maxRedirects: 0 });
    expect(me.status()).toBe(307);
    expect(me.headers()["location"]).toContain("/login");
    expect((await request.get("/verify/no-such-certificate")).status()).toBe(404);
  });
});
