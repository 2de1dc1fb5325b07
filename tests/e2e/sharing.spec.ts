// Share cards and QR posters (issue 19, decision 0031): the landing page, lessons and cases carry
// Open Graph and Twitter tags whose image is an absolute address of a card drawn for that page;
// a trainer downloads the class's invite and course posters, and the bank's client admin only
// the course poster. Images are checked as a client would: PNG signature and size.
import type { APIResponse } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { loadContent } from "@/lib/content/load";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const mod = content.modules[1]!;
const lesson = mod.lessons[0]!;
const kase = content.cases[0]!;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature").toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function metaOf(res: APIResponse) {
  const html = await res.text();
  const tags = new Map<string, string>();
  for (const [tag] of html.slice(0, html.indexOf("</head>")).matchAll(/<meta\b[^>]*>/g)) {
    const key = /(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const value = /content="([^"]*)"/.exec(tag)?.[1];
    if (key && value !== undefined && !tags.has(key)) tags.set(key, value.replaceAll("&amp;", "&"));
  }
  return tags;
}

test("the landing page, a lesson and a case each share a card drawn for them, at an absolute address", async ({
  request,
}) => {
  const pages = [
    { path: "/", card: "/og/site" },
    { path: `/course/${mod.slug}/${lesson.slug}`, card: `/og/lessons/${mod.slug}/${lesson.slug}` },
    { path: `/cases/${kase.slug}`, card: `/og/cases/${kase.slug}` },
  ];
  const images = new Set<string>();
  for (const { path, card } of pages) {
    const meta = await metaOf(await request.get(path));
    const image = meta.get("og:image") ?? "";
    expect(image, path).toMatch(/^https?:\/\/[^/]+\//);
    expect(new URL(image).pathname, path).toBe(card);
    expect(meta.get("og:image:width"), path).toBe("1200");
    expect(meta.get("og:image:height"), path).toBe("630");
    expect(meta.get("og:image:type"), path).toBe("image/png");
    expect(meta.get("twitter:image"), path).toBe(image);
    expect(meta.get("og:title"), path).toBeTruthy();
    expect(meta.get("og:description"), path).toBeTruthy();

    const res = await request.get(card);
    expect(res.status(), card).toBe(200);
    expect(res.headers()["content-type"], card).toBe("image/png");
    expect(res.headers()["cache-control"], card).toContain("public");
    const png = await res.body();
    expect(pngSize(png), card).toEqual({ width: 1200, height: 630 });
    images.add(png.toString("base64"));
  }
  expect(images.size, "each page's card is its own").toBe(pages.length);
  expect((await request.get(`/og/cases/no-such-case`)).status()).toBe(404);
});

test("a certificate's card is drawn for it, without the person's name in its tags", async ({ request }) => {
  const [cert] = await queryE2eDb<{ id: string; name: string }>(`SELECT id, name FROM "Certificate" LIMIT 1`);
  // The public verification page carries the card (the certificate itself needs a sign-in).
  const meta = await metaOf(await request.get(`/verify/${cert!.id}`));
  const image = meta.get("og:image") ?? "";
  expect(new URL(image).pathname).toBe(`/og/certificates/${cert!.id}`);
  for (const value of meta.values()) expect(value).not.toContain(cert!.name);
  const res = await request.get(image);
  expect(res.status()).toBe(200);
  expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  expect((await request.get("/og/certificates/ABCDEFGHJKMNPQRSTUVW")).status()).toBe(404);
});

test("a trainer downloads the class's invite and course posters from the cohort page", async ({ page }) => {
  const [cohort] = await queryE2eDb<{ id: string; name: string }>(
    `SELECT id, name FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`,
  );
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohort!.id}`);
  const posters = page.getByRole("region", { name: "微信群海报" });
  for (const [name, file] of [
    ["邀请海报（PNG）", `${cohort!.name}-邀请海报.png`],
    ["课程海报（PNG）", `${cohort!.name}-课程海报.png`],
  ] as const) {
    const downloading = page.waitForEvent("download");
    await posters.getByRole("link", { name }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(file);
    const png = await readFile((await download.path())!);
    expect(pngSize(png), name).toEqual({ width: 1080, height: 1440 });
  }
});

test("the bank's client admin gets the course poster but not the invite poster", async ({ page }) => {
  const [cohort] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`);
  await signIn(page, "client@demo.local");
  await page.goto(`/trainer/cohorts/${cohort!.id}`);
  const posters = page.getByRole("region", { name: "微信群海报" });
  await expect(posters.getByRole("link", { name: "课程海报（PNG）" })).toBeVisible();
  await expect(posters.getByRole("link", { name: "邀请海报（PNG）" })).toHaveCount(0);
  const course = await page.request.get(`/trainer/cohorts/${cohort!.id}/posters/course`);
  expect(course.status()).toBe(200);
  expect(pngSize(await course.body())).toEqual({ width: 1080, height: 1440 });
  const invite = await page.request.get(`/trainer/cohorts/${cohort!.id}/posters/invite`);
  expect(invite.status()).toBe(403);
  expect(await invite.json()).toEqual({ error: "邀请学员由培训师负责：请使用课程海报" });
});
